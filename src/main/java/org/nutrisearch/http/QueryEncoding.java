package org.nutrisearch.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Rejects a query string that is not percent-encoded UTF-8 (400) before any parameter is read.
 * Without this, the decoder would quietly turn broken bytes into U+FFFD for some parameters and
 * reject them for others; a client should learn that its URL is wrong, the same way every time.
 */
final class QueryEncoding {

    private QueryEncoding() {
    }

    static void check(Context ctx) {
        String query = ctx.queryString();
        if (query != null && !isPercentEncodedUtf8(query)) {
            throw new BadRequestResponse("the query string must be percent-encoded UTF-8",
                    Map.of(ApiErrors.CODE, "invalid_encoding"));
        }
    }

    /** True when every character is visible ASCII, every '%' starts a hex pair, and the bytes are UTF-8. */
    static boolean isPercentEncodedUtf8(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int hi = Character.digit(query.charAt(i + 1), 16);
                int lo = Character.digit(query.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
