package org.nutrisearch.http;

import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;

import java.util.Map;

/**
 * The search page ({@code GET /}, {@code /app.js}, {@code /style.css}): static files from the
 * classpath folder {@code public}, served by the service itself so the page needs no CDN.
 */
final class PageFiles {

    /**
     * The page runs no inline script or style and loads nothing from elsewhere; the policy makes the
     * browser refuse anything else, so an escaping mistake cannot become script execution.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private PageFiles() {
    }

    static void configure(StaticFileConfig files) {
        files.hostedPath = "/";
        files.directory = "/public";
        files.location = Location.CLASSPATH;
        // no-cache: browsers revalidate, so a new release's page and script arrive together.
        files.headers = Map.of(
                "Cache-Control", "no-cache",
                "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer");
    }
}
