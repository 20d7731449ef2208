package org.nutrisearch.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each client may send {@code burst} requests at once, refilled at
 * {@code perMinute} a minute. Thread-safe. Memory is bounded: beyond {@code maxClients} buckets, the
 * ones that have refilled completely (idle clients) are dropped; if that is not enough, all are
 * (which only ever gives clients more room, never less).
 */
final class RateLimiter {

    /** Buckets kept before idle ones are swept. */
    static final int DEFAULT_MAX_CLIENTS = 100_000;

    /** Whether a request may go ahead, and if not, in how many whole seconds one will. */
    record Verdict(boolean allowed, long retryAfterSeconds) {
        static final Verdict ALLOWED = new Verdict(true, 0);
    }

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final int maxClients;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, int burst, LongSupplier nanoClock, int maxClients) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
        this.capacity = Math.max(1, burst);
        this.tokensPerNano = perMinute / 60e9;
        this.nanoClock = nanoClock;
        this.maxClients = maxClients;
    }

    /** Takes a token from {@code client}'s bucket when there is one. */
    Verdict tryAcquire(String client) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                sweep(now);
            }
            bucket = buckets.computeIfAbsent(client, k -> new Bucket(capacity, now));
        }
        return bucket.take(now, capacity, tokensPerNano);
    }

    /**
     * 0 when {@code client} has a token now (none is taken), else the whole seconds until it will: for
     * refusing before the work that would spend the token is even looked at.
     */
    long secondsUntilAvailable(String client) {
        Bucket bucket = buckets.get(client);
        return bucket == null ? 0 : bucket.secondsUntilOne(nanoClock.getAsLong(), capacity, tokensPerNano);
    }

    /** Buckets held (for tests). */
    int clients() {
        return buckets.size();
    }

    private void sweep(long now) {
        buckets.values().removeIf(b -> b.isFull(now, capacity, tokensPerNano));
        if (buckets.size() >= maxClients) {
            buckets.clear();
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Verdict take(long now, double capacity, double perNano) {
            refill(now, capacity, perNano);
            if (tokens >= 1) {
                tokens -= 1;
                return Verdict.ALLOWED;
            }
            double nanosToOne = (1 - tokens) / perNano;
            return new Verdict(false, Math.max(1, (long) Math.ceil(nanosToOne / 1e9)));
        }

        synchronized long secondsUntilOne(long now, double capacity, double perNano) {
            refill(now, capacity, perNano);
            if (tokens >= 1) {
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }

        synchronized boolean isFull(long now, double capacity, double perNano) {
            refill(now, capacity, perNano);
            return tokens >= capacity;
        }

        private void refill(long now, double capacity, double perNano) {
            long elapsed = Math.max(0, now - updated);
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            updated = now;
        }
    }
}
