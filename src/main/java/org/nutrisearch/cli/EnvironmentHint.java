package org.nutrisearch.cli;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says where a bad value came from: an option's default is read from an environment variable
 * ({@code ${env:PORT:-7070}}), so "Invalid value for option '--port'" when no {@code --port} was typed
 * gets "(from environment variable PORT)" added.
 */
final class EnvironmentHint {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)");

    private EnvironmentHint() {
    }

    static ParameterException explain(ParameterException e, String[] args) {
        if (!(e.getArgSpec() instanceof OptionSpec option) || option.defaultValueString(false) == null) {
            return e;
        }
        Matcher env = ENV.matcher(option.defaultValueString(false)); // as written, before interpolation
        boolean typed = Arrays.stream(args).anyMatch(a -> Arrays.stream(option.names())
                .anyMatch(n -> a.equals(n) || a.startsWith(n + "=") || a.equals(n.replaceFirst("^--", "--no-"))));
        if (!env.find() || typed) {
            return e;
        }
        return new ParameterException(e.getCommandLine(),
                e.getMessage() + " (from environment variable " + env.group(1) + ")", e, option, e.getValue());
    }
}
