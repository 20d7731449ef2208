package org.nutrisearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Guards the {@code /api/admin/*} endpoints with the bearer token from {@code NUTRISEARCH_ADMIN_TOKEN}.
 * Without a configured token the endpoints do not exist (404); a missing or wrong token is a 401.
 * Guessing is throttled: a client ({@link ClientAddress}) that sent {@value #FAILURES_BURST} wrong tokens
 * gets 429 with {@code Retry-After} for every admin request, right token or not (so a 429 says nothing
 * about a guess), until its allowance refills at {@value #FAILURES_PER_MINUTE} a minute.
 *
 * <p>Use as a before-handler or call {@link #check} first thing in a handler. The token is compared
 * through SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken says nothing about
 * how much of a guess was right, not even its length.
 */
public final class AdminAuth implements Handler {

    /** Wrong tokens a client may send at once, and the rate at which that allowance comes back. */
    static final int FAILURES_BURST = 10;
    static final int FAILURES_PER_MINUTE = 10;

    private final byte[] expected;
    private final boolean trustedProxy;
    private final RateLimiter failures;

    /**
     * @param token        the configured token, or null for "admin endpoints switched off"
     * @param trustedProxy whether clients are told apart by X-Forwarded-For (see {@link ClientAddress})
     * @param failures     counts wrong tokens per client ({@link #FAILURES_PER_MINUTE}, {@link #FAILURES_BURST})
     */
    AdminAuth(String token, boolean trustedProxy, RateLimiter failures) {
        this.expected = token == null || token.isBlank() ? null : digest(token);
        this.trustedProxy = trustedProxy;
        this.failures = failures;
    }

    /** Whether admin endpoints are switched on. */
    public boolean enabled() {
        return expected != null;
    }

    /**
     * Throws 404 when admin is off, 429 when the client sent too many wrong tokens lately, 401 when the
     * request lacks the right bearer token.
     */
    public void check(Context ctx) {
        if (expected == null) {
            throw new NotFoundResponse("no such resource");
        }
        String client = ClientAddress.of(ctx, trustedProxy);
        long wait = failures.secondsUntilAvailable(client);
        if (wait > 0) {
            throw new HttpResponseException(429, "too many wrong admin tokens from this client; retry later",
                    Map.of(ApiErrors.CODE, "too_many_failed_attempts", "Retry-After", Long.toString(wait)));
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        if (given == null || given.isEmpty() || !MessageDigest.isEqual(expected, digest(given))) {
            failures.tryAcquire(client);
            ctx.header("WWW-Authenticate", "Bearer realm=\"nutrisearch-admin\"");
            throw new UnauthorizedResponse("a valid admin bearer token is required",
                    Map.of(ApiErrors.CODE, "unauthorized"));
        }
    }

    @Override
    public void handle(Context ctx) {
        check(ctx);
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
