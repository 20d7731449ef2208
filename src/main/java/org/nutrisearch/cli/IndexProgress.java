package org.nutrisearch.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.Console;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * A progress bar over the units indexed, drawn only when the command runs on a terminal: logs of CI
 * jobs and services get the end summary alone, not hundreds of redrawn lines.
 *
 * <p>The builder reports from several threads; the bar only ever moves forward.
 */
final class IndexProgress implements IntConsumer, AutoCloseable {

    private final ProgressBar bar;
    private final AtomicLong shown = new AtomicLong();

    private IndexProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar over {@code totalUnits} on a terminal; otherwise one that draws nothing. */
    static IndexProgress forUnits(long totalUnits) {
        if (!onTerminal()) {
            return new IndexProgress(null);
        }
        return new IndexProgress(new ProgressBarBuilder()
                .setTaskName("Indexing")
                .setInitialMax(totalUnits)
                .setUnit(" units", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .clearDisplayOnFinish()
                .build());
    }

    /** Whether the bar will be drawn. */
    boolean visible() {
        return bar != null;
    }

    @Override
    public void accept(int unitsDone) {
        if (bar == null) {
            return;
        }
        long before = shown.get();
        // Redraw state changes are cheap but not free: move the bar at most every 64 units.
        if (unitsDone - before >= 64 && shown.compareAndSet(before, unitsDone)) {
            bar.stepTo(unitsDone);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.close();
        }
    }

    /**
     * True when standard input and output are a terminal. Since JDK 22 {@link System#console()} is
     * non-null even when output is redirected, so {@code Console.isTerminal()} (JDK 22+) decides there;
     * on JDK 21 a console exists only on a terminal.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
