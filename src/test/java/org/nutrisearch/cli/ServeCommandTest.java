package org.nutrisearch.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nutrisearch.http.ServerConfig;
import org.nutrisearch.index.VectorTiming;
import org.nutrisearch.search.SearchMode;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve}'s configuration: every option listed with its variable, bad values stop start-up with a reason. */
class ServeCommandTest {

    /** Runs the command line in-process; returns exit code and everything printed. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new String[]{Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void helpListsEveryOptionWithItsEnvironmentVariable() {
        String[] result = run("serve", "--help");
        assertEquals("0", result[0]);
        String help = result[1].replaceAll("\\s+", " ");
        List<String> missing = new ArrayList<>();
        for (String expected : List.of("--port", "PORT", "--host", "NUTRISEARCH_HOST", "--corpus", "NUTRISEARCH_CORPUS",
                "--index", "NUTRISEARCH_INDEX", "--answer-threshold", "NUTRISEARCH_ANSWER_THRESHOLD",
                "--cors-origin", "NUTRISEARCH_CORS_ORIGINS", "--rate-limit", "NUTRISEARCH_RATE_LIMIT",
                "--rate-burst", "NUTRISEARCH_RATE_BURST", "--[no-]trusted-proxy", "NUTRISEARCH_TRUSTED_PROXY",
                "--max-concurrent", "NUTRISEARCH_MAX_CONCURRENT", "--[no-]log-queries", "NUTRISEARCH_LOG_QUERIES",
                "--analytics-window", "NUTRISEARCH_ANALYTICS_WINDOW", "--analytics-capacity", "NUTRISEARCH_ANALYTICS_CAPACITY",
                "--[no-]analytics-persist", "NUTRISEARCH_ANALYTICS_PERSIST", "--drain-timeout", "NUTRISEARCH_DRAIN_TIMEOUT",
                "--search-cache", "NUTRISEARCH_SEARCH_CACHE", "NUTRISEARCH_ADMIN_TOKEN",
                "--max-concurrent-per-client", "NUTRISEARCH_MAX_CONCURRENT_PER_CLIENT", "--vectors", "NUTRISEARCH_VECTORS",
                "--search-mode", "NUTRISEARCH_SEARCH_MODE", "--max-computing", "NUTRISEARCH_MAX_COMPUTING")) {
            if (!help.contains(expected)) {
                missing.add(expected);
            }
        }
        assertEquals(List.of(), missing);
        // Every option picocli knows is in that list: a new option without a variable fails here.
        CommandLine serve = Main.commandLine().getSubcommands().get("serve");
        for (CommandLine.Model.OptionSpec option : serve.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                assertTrue(option.defaultValueString(false).startsWith("${env:"), option.longestName() + " has no variable");
            }
        }
    }

    /**
     * Defaults chosen for the three users: a service started from a README command listens on this machine
     * only; API clients and the chatbot backend (many users behind one address) are not rate limited; a new
     * corpus is served lexically at once while its vectors are filled in behind.
     */
    @Test
    void defaultsFitAPortalAnApiClientAndAChatbot() {
        CommandLine commandLine = Main.commandLine();
        commandLine.parseArgs("serve");
        ServeCommand serve = commandLine.getSubcommands().get("serve").getCommand();
        ServerConfig config = serve.config();
        assertEquals("127.0.0.1", config.http().host());
        assertEquals(7070, config.http().port());
        assertEquals(0, config.limits().rateLimitPerMinute(), "no rate limit unless asked for");
        assertEquals(256, config.limits().maxConcurrent());
        assertEquals(128, config.limits().maxConcurrentPerClient(), "one address may use half the service");
        assertEquals(Runtime.getRuntime().availableProcessors(), config.limits().maxComputing(), "one per core");
        assertEquals(VectorTiming.LATER, config.vectors().timing());
        assertEquals(SearchMode.HYBRID, config.index().defaultMode());
        assertEquals(0.45, config.answers().policy().threshold());

        commandLine.parseArgs("serve", "--host", "0.0.0.0", "--rate-limit", "600", "--trusted-proxy", "--vectors", "now",
                "--max-concurrent", "24", "--max-concurrent-per-client", "4");
        config = serve.config();
        assertEquals("0.0.0.0", config.http().host());
        assertEquals(600, config.limits().rateLimitPerMinute());
        assertTrue(config.limits().trustedProxy());
        assertEquals(VectorTiming.NOW, config.vectors().timing());
        assertEquals(4, config.limits().maxConcurrentPerClient());

        commandLine.parseArgs("serve", "--backend", "opensearch");
        assertEquals(0, serve.config().limits().maxComputing(), "answers whose searches wait on a cluster are not bounded");
        commandLine.parseArgs("serve", "--max-computing", "3");
        assertEquals(3, serve.config().limits().maxComputing());
    }

    @Test
    void invalidValuesStopStartUpWithTheReason() {
        String[][] cases = {
                {"port must be between 0 and 65535", "--port", "70000"},
                {"Invalid value for option '--port': 'abc' is not an int", "--port", "abc"},
                {"answer threshold must be between 0 and 1", "--answer-threshold", "1.5"},
                {"analytics window must be 0 (off) or between 1m and 31d", "--analytics-window", "30s"},
                {"'soon' is not a duration", "--analytics-window", "soon"},
                {"analytics capacity must be between 10 and 1000000", "--analytics-capacity", "5"},
                {"drain timeout must be between 0s and 10m", "--drain-timeout", "1h"},
                {"max concurrent requests must be at least 1", "--max-concurrent", "0"},
                {"--search-cache must be >= 0, not -1", "--search-cache", "-1"},
                {"max concurrent requests per client must be between 1 and max concurrent requests (256)",
                        "--max-concurrent-per-client", "300"},
                {"--search-mode must be one of lexical, semantic, hybrid", "--search-mode", "fuzzy"},
                {"max computing requests must be 0 (no bound) or more", "--max-computing", "-1"},
                {"Invalid value for option '--vectors': expected one of [NOW, LATER, OFF] (case-insensitive)",
                        "--vectors", "soon"},
        };
        for (String[] c : cases) {
            String[] result = run("serve", c[1], c[2]);
            assertEquals("2", result[0], String.join(" ", c));
            assertTrue(result[2].contains(c[0]), result[2]);
        }
    }

    @Test
    @Tag("integration") // starts a JVM
    void aBadEnvironmentVariableIsNamedInTheMessage() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve");
        pb.environment().put("NUTRISEARCH_ANALYTICS_WINDOW", "soon");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(output.startsWith("Invalid value for option '--analytics-window': 'soon' is not a duration "
                + "(e.g. 30s, 15m, 24h, 7d) (from environment variable NUTRISEARCH_ANALYTICS_WINDOW)"), output);
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        DurationConverter d = new DurationConverter();
        assertEquals(Duration.ofHours(24), d.convert("24h"));
        assertEquals(Duration.ofMinutes(15), d.convert("15m"));
        assertEquals(Duration.ofSeconds(90), d.convert(" 90s "));
        assertEquals(Duration.ofDays(7), d.convert("7d"));
        assertEquals(Duration.ofMillis(500), d.convert("500ms"));
        assertEquals(Duration.ZERO, d.convert("0"));
        assertEquals(Duration.ofHours(2), d.convert("PT2H"));
        assertThrows(CommandLine.TypeConversionException.class, () -> d.convert("12"));
        assertThrows(CommandLine.TypeConversionException.class, () -> d.convert("-1h"));
    }
}
