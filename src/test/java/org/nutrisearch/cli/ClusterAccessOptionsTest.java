package org.nutrisearch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.opensearch.ClusterAccess;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credentials for a secured cluster: the user from an option, the password from an environment variable
 * or a file and never from the command line, a CA certificate file that must be readable.
 */
class ClusterAccessOptionsTest {

    private static BackendOptions parse(String... args) {
        BackendOptions options = new BackendOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void thePasswordComesFromTheEnvironmentOrAFile(@TempDir Path dir) throws Exception {
        ClusterAccess fromEnvironment = parse("--opensearch-user", "search").access(Map.of(BackendOptions.PASSWORD_VARIABLE, "s3cret"));
        assertEquals(new ClusterAccess("search", "s3cret", null), fromEnvironment);

        Path file = Files.writeString(dir.resolve("password"), "from-file\nignored second line\n");
        ClusterAccess fromFile = parse("--opensearch-user", "search", "--opensearch-password-file", file.toString()).access(Map.of());
        assertEquals("from-file", fromFile.password());
        assertFalse(fromFile.toString().contains("from-file"), "the password is never printed: " + fromFile);

        assertEquals(ClusterAccess.NONE, parse().access(Map.of()));
    }

    @Test
    void missingDoubleOrUnreadableSecretsAreNamed(@TempDir Path dir) throws Exception {
        IllegalArgumentException noPassword = assertThrows(IllegalArgumentException.class,
                () -> parse("--opensearch-user", "search").access(Map.of()));
        assertEquals("--opensearch-user search needs a password: set NUTRISEARCH_OPENSEARCH_PASSWORD or --opensearch-password-file",
                noPassword.getMessage());

        Path file = Files.writeString(dir.resolve("password"), "x\n");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> parse("--opensearch-user", "search", "--opensearch-password-file", file.toString())
                        .access(Map.of(BackendOptions.PASSWORD_VARIABLE, "y")));
        assertTrue(twice.getMessage().startsWith("the OpenSearch password is set twice"), twice.getMessage());

        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class,
                () -> parse().access(Map.of(BackendOptions.PASSWORD_VARIABLE, "y")));
        assertEquals("an OpenSearch password is set but no --opensearch-user", noUser.getMessage());

        IllegalArgumentException noCa = assertThrows(IllegalArgumentException.class,
                () -> parse("--opensearch-ca-cert", dir.resolve("missing.pem").toString()).access(Map.of()));
        assertTrue(noCa.getMessage().startsWith("--opensearch-ca-cert: cannot read "), noCa.getMessage());
    }

    @Test
    void thereIsNoPasswordOptionOnTheCommandLine() {
        CommandLine.UnmatchedArgumentException e = assertThrows(CommandLine.UnmatchedArgumentException.class,
                () -> parse("--opensearch-user", "search", "--opensearch-password", "s3cret"));
        assertTrue(e.getMessage().contains("--opensearch-password"), e.getMessage());
    }
}
