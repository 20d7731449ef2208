package org.nutrisearch.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets requests in flight finish when the server stops: Jetty waits (up to its stop timeout, the drain
 * timeout) until this handler says none is left. Unlike Jetty's {@code GracefulHandler}, a request that
 * reaches the service while it drains (sent on a connection already open) is still answered, with
 * {@code Connection: close}, instead of 503: whatever a client sent before the listener closed gets its
 * answer, and its next request goes to a new connection (to another instance behind a balancer).
 */
final class DrainingHandler extends Handler.Wrapper implements Graceful {

    private final AtomicLong inFlight = new AtomicLong();
    private volatile CompletableFuture<Void> drained;

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        inFlight.incrementAndGet();
        if (drained != null) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        Tracked tracked = new Tracked(callback);
        try {
            boolean handled = super.handle(request, response, tracked);
            if (!handled) {
                tracked.done();
            }
            return handled;
        } catch (Throwable t) {
            tracked.done();
            throw t;
        }
    }

    private void finished() {
        CompletableFuture<Void> d = drained;
        if (inFlight.decrementAndGet() == 0 && d != null) {
            d.complete(null);
        }
    }

    @Override
    public synchronized CompletableFuture<Void> shutdown() {
        if (drained == null) {
            drained = new CompletableFuture<>();
            if (inFlight.get() == 0) {
                drained.complete(null);
            }
        }
        return drained;
    }

    @Override
    public boolean isShutdown() {
        return drained != null;
    }

    /** Counts the request out exactly once, when its response is complete or failed. */
    private final class Tracked implements Callback {
        private final Callback callback;
        private final AtomicBoolean done = new AtomicBoolean();

        Tracked(Callback callback) {
            this.callback = callback;
        }

        void done() {
            if (done.compareAndSet(false, true)) {
                finished();
            }
        }

        @Override
        public void succeeded() {
            try {
                callback.succeeded();
            } finally {
                done();
            }
        }

        @Override
        public void failed(Throwable x) {
            try {
                callback.failed(x);
            } finally {
                done();
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }
    }
}
