package org.nutrisearch.cli;

import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicReference;

/**
 * SIGTERM and SIGINT (Ctrl-C) run one orderly stop instead of the JVM's exit, whose shutdown hooks run all
 * at once in no order: ONNX Runtime's own hook freed its environment under a running embedding and the JVM
 * died with SIGSEGV in {@code libonnxruntime}. Here the command stops its work, closes what it opened and
 * only then exits; the libraries' hooks find nothing running. Without a stop registered (before a command
 * registers one, after it is done) a signal exits as the JVM would, with 128 + the signal's number.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is the JDK's one way to handle a signal; it is
 * exported for exactly this use.
 */
final class Signals {

    /** What one registration stops; null when nothing is registered. */
    private static final AtomicReference<Runnable> STOP = new AtomicReference<>();
    private static boolean installed;

    private Signals() {
    }

    /** A registration, undone by {@link #close}. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs {@code stop} (once, on its own thread) on the next SIGTERM or SIGINT, until the registration is
     * closed. A second signal while {@code stop} runs exits at once.
     */
    static synchronized Registration onTermination(Runnable stop) {
        if (!installed) {
            Signal.handle(new Signal("TERM"), Signals::received);
            Signal.handle(new Signal("INT"), Signals::received);
            installed = true;
        }
        STOP.set(stop);
        return () -> STOP.compareAndSet(stop, null);
    }

    private static void received(Signal signal) {
        Runnable stop = STOP.getAndSet(null);
        if (stop == null) {
            Runtime.getRuntime().exit(128 + signal.getNumber());
            return;
        }
        System.err.println("SIG" + signal.getName() + ": stopping (a second signal exits at once)");
        Thread.ofPlatform().name("stop").start(stop);
    }
}
