package org.nutrisearch.http;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code permits} answers are worked out at once; the others wait their turn, in arrival order.
 * Requests run on platform threads, which the OS time-slices: sixteen answers worked out at once on 2 cores
 * each cost about 1.6 times the CPU of one worked out two at a time, and their p99 was twice as long
 * (docs/answer.md, "Two at a time"); on virtual threads they cost no more, but a few waited 300 ms.
 * Searches are not gated: a lexical one waiting its turn cost a fifth more CPU, a hybrid one lost an eighth
 * of the throughput for a sixth off the p99. Only the work is gated, not the reading of the request or the
 * writing of the response, so a slow client never holds a permit. How long a request may wait is bounded by
 * the requests served at once ({@link LoadShedder}).
 */
final class ComputeGate {

    /** No bound: every request works at once (what a backend that waits on a remote cluster needs). */
    static final ComputeGate NONE = new ComputeGate(null);

    private final Semaphore permits;

    private ComputeGate(Semaphore permits) {
        this.permits = permits;
    }

    /** A gate for {@code permits} requests at once; 0 is {@link #NONE}. */
    static ComputeGate of(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be 0 (no bound) or more: " + permits);
        }
        return permits == 0 ? NONE : new ComputeGate(new Semaphore(permits, true));
    }

    /** Runs {@code work} once a permit is free, and gives the permit back when it ends, however it ends. */
    <T> T call(Supplier<T> work) {
        if (permits == null) {
            return work.get();
        }
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** Requests waiting for a permit now (an estimate). */
    int waiting() {
        return permits == null ? 0 : permits.getQueueLength();
    }
}
