package org.nutrisearch.corpus;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Makes named pipes for tests (there is no Java API for it); skips the test where mkfifo is missing. */
public final class Fifo {

    private Fifo() {
    }

    public static void make(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        assumeTrue(p.waitFor() == 0, "mkfifo is not available here");
    }
}
