package org.nutrisearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Jetty's own errors (a request line that does not parse, a URI too long, bad percent-encoding, a
 * failure outside the routes) in the API's JSON error shape instead of Jetty's HTML page, with the
 * security headers. Messages of server errors are never shown: they may name internals.
 */
final class JsonErrorHandler implements Request.Handler {

    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
        int status = response.getStatus();
        String message = request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String s ? s : null;
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException e) {
            status = e.getCode();
            message = message == null ? e.getReason() : message;
        }
        if (status < 400 || status > 599) {
            status = 500;
        }
        if (status == 505) {
            // A request line without a version we speak is the client's error; answering 5xx would
            // let any client make the service look broken (and page whoever watches 5xx rates).
            status = 400;
            message = "only HTTP/1.0 and HTTP/1.1 are supported";
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        SecurityHeaders.apply(response.getHeaders());
        ApiError body = ApiError.of(status, codeOf(status), null, messageOf(status, message));
        response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(body)), callback);
        return true;
    }

    static String codeOf(int status) {
        return switch (status) {
            case 408 -> "request_timeout";
            case 411 -> "length_required";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 505 -> "http_version_not_supported";
            default -> ApiErrors.defaultCode(status);
        };
    }

    /** Jetty's reason for a client error is safe to show (it describes the request); a server error's is not. */
    static String messageOf(int status, String jettyMessage) {
        if (status >= 500 || jettyMessage == null || jettyMessage.isBlank() || jettyMessage.contains("Exception")
                || jettyMessage.length() > 200) {
            String standard = HttpStatus.getMessage(status);
            return standard == null ? "request failed" : standard.toLowerCase(Locale.ROOT);
        }
        return jettyMessage;
    }
}
