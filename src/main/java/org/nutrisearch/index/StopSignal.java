package org.nutrisearch.index;

/**
 * Asks long index and embedding work (a build, a reindex, filling in vectors) to stop, for a shutdown. The
 * work checks it between units and throws {@link Stopped}: within one unit it is out of the embedding model's
 * native code, which may then be released (releasing it under a running call crashed the JVM). Thread-safe.
 */
public final class StopSignal {

    /** Thrown by work that stopped because it was asked to; what it was building is dropped. */
    public static final class Stopped extends RuntimeException {
        public Stopped() {
            super("stopped: the service is shutting down");
        }
    }

    private volatile boolean stopped;

    /** A signal nobody stops unless they hold it (tests, one-off commands). */
    public static StopSignal none() {
        return new StopSignal();
    }

    /** From now on {@link #check} throws. */
    public void stop() {
        stopped = true;
    }

    /** Throws {@link Stopped} once {@link #stop} was called. */
    public void check() {
        if (stopped) {
            throw new Stopped();
        }
    }
}
