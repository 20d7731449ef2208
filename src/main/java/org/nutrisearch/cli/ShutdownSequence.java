package org.nutrisearch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps run in the order given, each on its own: one that fails is reported and the next still runs (the
 * model must be released even when saving analytics failed). The order is the point: see
 * {@link RunningService#shutdownSequence}.
 */
final class ShutdownSequence {

    /** One step; it may throw anything. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private record Named(String what, Step step) {
    }

    private final List<Named> steps = new ArrayList<>();

    ShutdownSequence then(String what, Step step) {
        steps.add(new Named(what, step));
        return this;
    }

    /** What the steps do, in order. */
    List<String> steps() {
        return steps.stream().map(Named::what).toList();
    }

    void run(PrintStream err) {
        for (Named s : steps) {
            try {
                s.step().run();
            } catch (Exception e) {
                err.println("serve: could not " + s.what() + ": " + e.getMessage());
            }
        }
    }
}
