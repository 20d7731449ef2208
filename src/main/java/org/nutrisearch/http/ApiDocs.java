package org.nutrisearch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The API description: {@code GET /openapi.json} (OpenAPI 3.1, written by hand in
 * {@code openapi.json} next to this class and checked against real responses by a test) and
 * {@code GET /docs}, Swagger UI rendering it. Swagger UI's files come from its webjar and are served by
 * the service itself; the page runs no inline script, so {@code default-src 'self'} holds.
 */
final class ApiDocs {

    /** The search page's policy: this service's own files only (Swagger UI's icons are data: images). */
    static final String CONTENT_SECURITY_POLICY = PageFiles.CONTENT_SECURITY_POLICY;
    private static final String SPEC = "/org/nutrisearch/http/openapi.json";
    private static final String PAGE = "/org/nutrisearch/http/docs/index.html";
    private static final String WEBJAR = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final byte[] spec = resource(SPEC);
    private final byte[] page = resource(PAGE);

    /** Registers the routes and the two static folders (the page's own script, Swagger UI's files). */
    void install(JavalinConfig javalin) {
        javalin.routes.get("/openapi.json", this::spec);
        javalin.routes.get("/docs", this::page);
        Map<String, String> headers = Map.of("Cache-Control", "no-cache",
                "Content-Security-Policy", CONTENT_SECURITY_POLICY, "X-Content-Type-Options", "nosniff");
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/docs/local";
            files.directory = "/org/nutrisearch/http/docs";
            files.location = Location.CLASSPATH;
            files.headers = headers;
        });
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/docs/assets";
            files.directory = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion();
            files.location = Location.CLASSPATH;
            files.headers = headers;
        });
    }

    private void spec(Context ctx) {
        ctx.contentType("application/json").header("Cache-Control", "no-cache").result(spec);
    }

    private void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .result(page);
    }

    /** The webjar's version, which is part of its folder name. */
    static String swaggerUiVersion() {
        Properties p = new Properties();
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(WEBJAR)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
