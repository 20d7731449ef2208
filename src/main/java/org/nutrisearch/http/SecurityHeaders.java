package org.nutrisearch.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts the browser-hardening headers on every response, set at the Jetty level so that static files,
 * API answers and error pages all carry them. The page loads its script and styles from files (no
 * inline script), so the policy allows only the service's own origin.
 */
final class SecurityHeaders extends Handler.Wrapper {

    /** One policy for everything: the page's (static files set it too, to the same value). */
    static final String CONTENT_SECURITY_POLICY = PageFiles.CONTENT_SECURITY_POLICY;

    SecurityHeaders(Handler inner) {
        super(inner);
    }

    /** Adds the headers to {@code headers} (also used by the error handler, which may start from a reset response). */
    static void apply(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        apply(response.getHeaders());
        return super.handle(request, response, callback);
    }
}
