package org.nutrisearch.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code parse FILE}: prints what the parser made of one article, as JSON. */
@Command(name = "parse", description = "Print the parsed article as JSON.")
final class ParseCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("parse: not implemented yet");
        return 1;
    }
}
