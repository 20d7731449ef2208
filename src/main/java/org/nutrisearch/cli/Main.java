package org.nutrisearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code nutrisearch.jar}: dispatches to the sub-commands. */
@Command(name = "nutrisearch", mixinStandardHelpOptions = true, version = "nutrisearch 0.1.0",
        description = "Search over health articles about nutrient deficiencies.",
        subcommands = {ParseCommand.class, IndexCommand.class, ServeCommand.class, EvalNfCorpusCommand.class,
            GenerateCorpusCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Lucene says once per start, through java.util.logging, that the JDK's incubating vector module is not
     * enabled (scripts/serve.sh enables it); an operator gets nothing from that line. Kept in a field: JUL
     * holds its loggers weakly.
     */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

    public static void main(String[] args) {
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, with bad values that came from the environment named as such. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true); // --vectors later, as the help writes it
        CommandLine.IParameterExceptionHandler standard = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((e, args) ->
                standard.handleParseException(EnvironmentHint.explain(e, args), args));
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (parse, index, serve, generate-corpus)");
    }
}
