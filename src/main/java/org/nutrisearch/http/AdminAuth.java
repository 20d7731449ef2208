package org.nutrisearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Guards the {@code /api/admin/*} endpoints with the bearer token from {@code NUTRISEARCH_ADMIN_TOKEN}.
 * Without a configured token the endpoints do not exist (404); a missing or wrong token is a 401.
 *
 * <p>Use as a before-handler or call {@link #check} first thing in a handler. The token is compared
 * through SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken says nothing about
 * how much of a guess was right, not even its length.
 */
public final class AdminAuth implements Handler {

    private final byte[] expected;

    /** @param token the configured token, or null for "admin endpoints switched off" */
    public AdminAuth(String token) {
        this.expected = token == null || token.isBlank() ? null : digest(token);
    }

    /** Whether admin endpoints are switched on. */
    public boolean enabled() {
        return expected != null;
    }

    /** Throws 404 when admin is off, 401 when the request lacks the right bearer token. */
    public void check(Context ctx) {
        if (expected == null) {
            throw new NotFoundResponse("no such resource");
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        if (given == null || given.isEmpty() || !MessageDigest.isEqual(expected, digest(given))) {
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
