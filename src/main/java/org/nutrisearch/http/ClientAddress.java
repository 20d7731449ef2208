package org.nutrisearch.http;

import io.javalin.http.Context;

import java.util.Collections;
import java.util.List;

/**
 * Who a request comes from, for per-client limits: the connecting address, or, behind a trusted
 * proxy, the address that proxy saw. That is the last entry of {@code X-Forwarded-For}: the proxy
 * appends it; earlier entries come from the client and can be forged.
 */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /** The client of a request at the Jetty level (before any route runs). */
    static String of(org.eclipse.jetty.server.Request request, boolean trustedProxy) {
        if (trustedProxy) {
            String forwarded = lastForwarded(request.getHeaders().getValuesList(FORWARDED_FOR));
            if (forwarded != null) {
                return forwarded;
            }
        }
        String address = org.eclipse.jetty.server.Request.getRemoteAddr(request);
        return address == null ? "" : address;
    }

    static String of(Context ctx, boolean trustedProxy) {
        if (trustedProxy) {
            String forwarded = lastForwarded(Collections.list(ctx.req().getHeaders(FORWARDED_FOR)));
            if (forwarded != null) {
                return forwarded;
            }
        }
        return ctx.ip();
    }

    /**
     * The last non-blank entry of the headers' comma-separated lists when it is a well-formed address,
     * else null (garbage where the proxy's entry should be: the caller falls back to the connection).
     */
    static String lastForwarded(List<String> headers) {
        for (int h = headers.size() - 1; h >= 0; h--) {
            String[] entries = headers.get(h).split(",");
            for (int e = entries.length - 1; e >= 0; e--) {
                String entry = entries[e].strip();
                if (entry.isEmpty()) {
                    continue;
                }
                boolean wellFormed = entry.length() <= MAX_LENGTH && entry.chars().allMatch(ClientAddress::addressChar);
                return wellFormed ? entry : null;
            }
        }
        return null;
    }

    private static boolean addressChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':'
                || c == '[' || c == ']';
    }
}
