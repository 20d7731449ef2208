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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests being served at once. Beyond {@code maxConcurrent}, up to {@code maxQueued}
 * requests wait at most {@code maxWaitMillis} for a slot; everything else is answered at once with 503
 * and {@code Retry-After}, so overload sheds requests instead of slowing every request down.
 * One client (see {@link ClientAddress}) is served at most {@code maxPerClient} requests at once; beyond
 * that its requests get 429 at once: thirty slow uploads from one address held every slot and turned
 * everyone else away. Health, readiness and metrics are never shed: operators must see an overloaded service.
 */
final class LoadShedder extends Handler.Wrapper {

    /** How long a queued request waits for a slot before it is shed. */
    static final long DEFAULT_MAX_WAIT_MILLIS = 250;
    private static final Set<String> NEVER_SHED = Set.of("/health", "/ready", "/metrics");

    private final Semaphore slots;
    private final int maxPerClient;
    private final boolean trustedProxy;
    /** Requests in service per client; an entry goes when its count is back to zero. */
    private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();
    private final int maxQueued;
    private final long maxWaitMillis;
    private final AtomicInteger queued = new AtomicInteger();
    private final byte[] overloaded;
    private final byte[] tooManyAtOnce;

    /** A shedder without a bound per client. */
    LoadShedder(Handler inner, int maxConcurrent, int maxQueued, long maxWaitMillis, ObjectMapper json) {
        this(inner, maxConcurrent, Integer.MAX_VALUE, false, maxQueued, maxWaitMillis, json);
    }

    LoadShedder(Handler inner, int maxConcurrent, int maxPerClient, boolean trustedProxy, int maxQueued,
                long maxWaitMillis, ObjectMapper json) {
        super(inner);
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxPerClient = maxPerClient;
        this.trustedProxy = trustedProxy;
        this.maxQueued = maxQueued;
        this.maxWaitMillis = maxWaitMillis;
        try {
            this.overloaded = json.writeValueAsBytes(ApiError.of(503, "overloaded", null,
                    "the service is busy; retry shortly"));
            this.tooManyAtOnce = json.writeValueAsBytes(ApiError.of(429, "too_many_concurrent_requests", null,
                    "too many requests from this client at once; retry when earlier ones are answered"));
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
        String client = ClientAddress.of(request, trustedProxy);
        if (!enter(client)) {
            reject(response, callback, 429, tooManyAtOnce);
            return true;
        }
        boolean acquired;
        try {
            acquired = acquire();
        } catch (InterruptedException | RuntimeException e) {
            leave(client);
            throw e;
        }
        if (!acquired) {
            leave(client);
            reject(response, callback, 503, overloaded);
            return true;
        }
        Release release = new Release(callback, () -> {
            slots.release();
            leave(client);
        });
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

    /** Counts a request of {@code client} in, unless it has {@code maxPerClient} in service already. */
    private boolean enter(String client) {
        boolean[] entered = {false};
        perClient.compute(client, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= maxPerClient) {
                return n;
            }
            entered[0] = true;
            return now + 1;
        });
        return entered[0];
    }

    private void leave(String client) {
        perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
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

    private static void reject(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        SecurityHeaders.apply(response.getHeaders());
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Frees the slot exactly once, when the response is complete (or failed), then completes the callback. */
    private static final class Release implements Callback {
        private final Callback callback;
        private final Runnable release;
        private final AtomicBoolean freed = new AtomicBoolean();

        Release(Callback callback, Runnable release) {
            this.callback = callback;
            this.release = release;
        }

        void free() {
            if (freed.compareAndSet(false, true)) {
                release.run();
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
