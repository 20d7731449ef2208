package org.nutrisearch.cli;

import io.javalin.Javalin;
import org.nutrisearch.http.Monitoring;

import java.io.IOException;
import java.io.PrintStream;
import org.nutrisearch.search.SearchBackend;

/**
 * What {@code serve} does on SIGTERM (or Ctrl-C), in order: report "draining" on {@code /ready}, stop
 * accepting connections and wait for requests in flight (up to the drain timeout), save analytics,
 * then close the index. Runs once.
 */
final class GracefulShutdown implements Runnable {

    private final Monitoring monitoring;
    private final Javalin app;
    private final SearchBackend backend;
    private final PrintStream err;

    GracefulShutdown(Monitoring monitoring, Javalin app, SearchBackend backend, PrintStream err) {
        this.monitoring = monitoring;
        this.app = app;
        this.backend = backend;
        this.err = err;
    }

    @Override
    public void run() {
        monitoring.drain();
        try {
            app.stop();
        } catch (RuntimeException e) {
            err.println("serve: stopping the server failed: " + e.getMessage());
        }
        try {
            monitoring.saveAnalytics();
        } catch (IOException | RuntimeException e) {
            err.println("serve: could not save analytics: " + e.getMessage());
        }
        backend.close();
    }
}
