package org.nutrisearch.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.Console;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The progress of an index build: a progress bar when the command runs on a terminal; otherwise (a service
 * manager, a container, a log file, CI) a line every few seconds ({@link ProgressLog}), so a long build is
 * never silent for minutes and never hundreds of redrawn lines.
 *
 * <p>The builder reports from several threads; the bar only ever moves forward.
 */
final class IndexProgress implements IntConsumer, AutoCloseable {

    private final ProgressBar bar;
    private final ProgressLog log;
    private final AtomicLong shown = new AtomicLong();

    private IndexProgress(ProgressBar bar, ProgressLog log) {
        this.bar = bar;
        this.log = log;
    }

    /** A bar over {@code totalUnits} on a terminal; otherwise progress lines to {@code out}, prefixed {@code what}. */
    static IndexProgress forUnits(long totalUnits, PrintStream out, String what) {
        if (!onTerminal()) {
            return new IndexProgress(null, new ProgressLog(out, what, totalUnits));
        }
        return new IndexProgress(new ProgressBarBuilder()
                .setTaskName("Indexing")
                .setInitialMax(totalUnits)
                .setUnit(" units", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .clearDisplayOnFinish()
                .build(), null);
    }

    /** Whether the bar will be drawn. */
    boolean visible() {
        return bar != null;
    }

    @Override
    public void accept(int unitsDone) {
        if (bar == null) {
            log.accept(unitsDone);
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
