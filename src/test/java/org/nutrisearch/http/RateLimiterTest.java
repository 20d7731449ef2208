package org.nutrisearch.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token bucket per client, on a clock the test moves, and how the client address is read. */
class RateLimiterTest {

    static final long SECOND = 1_000_000_000L;
    final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void aBurstIsAllowedThenTheRateApplies() {
        RateLimiter limiter = new RateLimiter(6, 3, now::get, 100); // one token every 10 s
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("a").allowed(), "burst request " + i);
        }
        RateLimiter.Verdict refused = limiter.tryAcquire("a");
        assertFalse(refused.allowed());
        assertEquals(10, refused.retryAfterSeconds());
        now.addAndGet(4 * SECOND);
        assertEquals(new RateLimiter.Verdict(false, 6), limiter.tryAcquire("a"));
        now.addAndGet(6 * SECOND);
        assertTrue(limiter.tryAcquire("a").allowed(), "a token after 10 s");
        assertFalse(limiter.tryAcquire("a").allowed());
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        RateLimiter limiter = new RateLimiter(60, 1, now::get, 100);
        assertTrue(limiter.tryAcquire("a").allowed());
        assertFalse(limiter.tryAcquire("a").allowed());
        assertTrue(limiter.tryAcquire("b").allowed());
    }

    @Test
    void aBucketNeverHoldsMoreThanTheBurst() {
        RateLimiter limiter = new RateLimiter(60, 2, now::get, 100);
        now.addAndGet(3600 * SECOND);
        assertTrue(limiter.tryAcquire("a").allowed());
        assertTrue(limiter.tryAcquire("a").allowed());
        assertFalse(limiter.tryAcquire("a").allowed());
    }

    @Test
    void idleClientsAreForgottenWhenTheTableIsFull() {
        RateLimiter limiter = new RateLimiter(60, 1, now::get, 3);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        now.addAndGet(2 * SECOND); // a and b refill completely: idle
        limiter.tryAcquire("c");
        assertEquals(3, limiter.clients());
        limiter.tryAcquire("d"); // table full: a and b are swept, c is not (it is still empty)
        assertEquals(2, limiter.clients());
        assertFalse(limiter.tryAcquire("c").allowed(), "c kept its state");
    }

    @Test
    void behindATrustedProxyTheProxysEntryCountsNotTheClientsClaims() {
        assertEquals("203.0.113.9", ClientAddress.lastForwarded(List.of("1.1.1.1, 203.0.113.9")));
        assertEquals("2001:db8::1", ClientAddress.lastForwarded(List.of("forged", "10.0.0.1,2001:db8::1")));
        assertEquals("198.51.100.7", ClientAddress.lastForwarded(List.of("198.51.100.7 ,  ")));
        assertNull(ClientAddress.lastForwarded(List.of("1.2.3.4, <script>")));
        assertNull(ClientAddress.lastForwarded(List.of("")));
        assertNull(ClientAddress.lastForwarded(List.of()));
    }
}
