package org.nutrisearch.cli;

import org.nutrisearch.index.StopSignal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The threads a command starts for long work (opening or building the index, filling in vectors), with the
 * one {@link StopSignal} they check. Stopping signals it and waits for them: after that none of them is in
 * the embedding model's native code, and what they used can be closed.
 */
final class BackgroundWork {

    private final StopSignal stop = new StopSignal();
    private final List<Thread> threads = new ArrayList<>();

    StopSignal signal() {
        return stop;
    }

    /** Starts {@code work} on a named platform thread (a daemon: the stop, not the JVM, ends it). */
    synchronized Thread start(String name, Runnable work) {
        Thread thread = Thread.ofPlatform().name(name).daemon().unstarted(work);
        threads.add(thread);
        thread.start();
        return thread;
    }

    /**
     * Signals the stop and waits for every thread (but the calling one) to end, {@code timeout} in all; true
     * when all did.
     */
    boolean stopAndWait(Duration timeout) {
        stop.stop();
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(threads);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (Thread t : running) {
            if (t == Thread.currentThread()) {
                continue;
            }
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            all &= !t.isAlive();
        }
        return all;
    }
}
