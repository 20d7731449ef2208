package org.nutrisearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests being served at once. Beyond {@code maxConcurrent}, up to {@code maxQueued}
 * requests wait at most {@code maxWaitMillis} for a slot; everything else is answered at once with 503
 * and {@code Retry-After}, so overload sheds requests instead of slowing every request down.
 * Health, readiness and metrics are never shed: operators must see an overloaded service.
 */
final class LoadShedder extends Handler.Wrapper {

    /** How long a queued request waits for a slot before it is shed. */
    static final long DEFAULT_MAX_WAIT_MILLIS = 250;
    private static final Set<String> NEVER_SHED = Set.of("/health", "/ready", "/metrics");

    private final Semaphore slots;
    private final int maxQueued;
    private final long maxWaitMillis;
    private final AtomicInteger queued = new AtomicInteger();
    private final byte[] overloaded;

    LoadShedder(Handler inner, int maxConcurrent, int maxQueued, long maxWaitMillis, ObjectMapper json) {
        super(inner);
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxQueued = maxQueued;
        this.maxWaitMillis = maxWaitMillis;
        try {
            this.overloaded = json.writeValueAsBytes(ApiError.of(503, "overloaded", null,
                    "the service is busy; retry shortly"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path != null && NEVER_SHED.contains(path)) {
            return super.handle(request, response, callback);
        }
        if (!acquire()) {
            reject(response, callback);
            return true;
        }
        Release release = new Release(callback, slots);
        try {
            boolean handled = super.handle(request, response, release);
            if (!handled) {
                release.free();
            }
            return handled;
        } catch (Throwable t) {
            release.free();
            throw t;
        }
    }

    private boolean acquire() throws InterruptedException {
        if (slots.tryAcquire()) {
            return true;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            return false;
        }
        try {
            return slots.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } finally {
            queued.decrementAndGet();
        }
    }

    /** Requests waiting for a slot now. */
    int queued() {
        return queued.get();
    }

    private void reject(Response response, Callback callback) {
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        SecurityHeaders.apply(response.getHeaders());
        response.write(true, ByteBuffer.wrap(overloaded), callback);
    }

    /** Frees the slot exactly once, when the response is complete (or failed), then completes the callback. */
    private static final class Release implements Callback {
        private final Callback callback;
        private final Semaphore slots;
        private final AtomicBoolean freed = new AtomicBoolean();

        Release(Callback callback, Semaphore slots) {
            this.callback = callback;
            this.slots = slots;
        }

        void free() {
            if (freed.compareAndSet(false, true)) {
                slots.release();
            }
        }

        @Override
        public void succeeded() {
            free();
            callback.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            free();
            callback.failed(x);
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }
    }
}
