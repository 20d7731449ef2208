package org.nutrisearch.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the articles and the index live: options first, then environment, then defaults. */
final class CorpusOptions {

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${env:NUTRISEARCH_CORPUS:-corpus}",
            description = "Folder of articles (*.txt, *.jsonl). Env NUTRISEARCH_CORPUS. Default: ${DEFAULT-VALUE}.")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:NUTRISEARCH_INDEX:-index}",
            description = "Folder of the index. Env NUTRISEARCH_INDEX. Default: ${DEFAULT-VALUE}.")
    Path index;
}
