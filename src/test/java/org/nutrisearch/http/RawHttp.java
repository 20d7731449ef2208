package org.nutrisearch.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket, for requests no well-behaved client would send:
 * raw bytes in the request line (invalid UTF-8, NUL), broken percent-encoding, malformed headers
 * (test support). Every request is sent with the connection closed after the response.
 */
final class RawHttp {

    /** A parsed response: status, headers by lower-case name, the de-chunked body, and how long it took. */
    record Response(int status, Map<String, List<String>> headers, byte[] body, long millis) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} (complete bytes) to {@code port} on loopback and reads the whole response. */
    static Response exchange(int port, byte[] request, int timeoutMillis) throws IOException {
        return exchange(port, request, timeoutMillis, false);
    }

    /** As above; with {@code halfClose} the client shuts its side after sending, as one that gave up does. */
    static Response exchange(int port, byte[] request, int timeoutMillis, boolean halfClose) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            // Large bodies are written from another thread: the server may answer (and close) before
            // reading them, and the answer must still be read.
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.flush();
                    if (halfClose) {
                        socket.shutdownOutput();
                    }
                } catch (IOException e) {
                    // The server closed early; the response (if any) tells what happened.
                }
            });
            boolean head = new String(request, 0, Math.min(request.length, 5), StandardCharsets.ISO_8859_1).startsWith("HEAD ");
            byte[] raw = readAll(socket.getInputStream(), start, timeoutMillis, head);
            try {
                writer.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return parse(raw, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Reads until the response is complete (by its framing) or the server closes the connection. */
    private static byte[] readAll(InputStream in, long start, int timeoutMillis, boolean head) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (complete(out.toByteArray(), head)) {
                    break;
                }
                if ((System.nanoTime() - start) / 1_000_000 > timeoutMillis) {
                    throw new SocketTimeoutException("response not complete after " + timeoutMillis + " ms");
                }
            }
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no complete response within " + timeoutMillis + " ms; received: "
                    + new String(out.toByteArray(), 0, Math.min(out.size(), 500), StandardCharsets.ISO_8859_1));
        } catch (java.net.SocketException e) {
            // A reset after the response was sent (the server did not read a body it did not want).
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    /** True when {@code raw} holds a whole response: head, then the body its headers announce. */
    private static boolean complete(byte[] all, boolean head) throws IOException {
        byte[] raw = skipInterim(all);
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (headEnd < 0) {
            return false;
        }
        Response r = parse(java.util.Arrays.copyOf(raw, headEnd + 4), 0);
        if (head || r.status() == 204 || r.status() == 304) {
            return true;
        }
        String length = r.header("Content-Length");
        if (length != null) {
            return raw.length - headEnd - 4 >= Long.parseLong(length);
        }
        String te = r.header("Transfer-Encoding");
        if (te != null && te.equalsIgnoreCase("chunked")) {
            return endsWith(raw, "\r\n0\r\n\r\n") || raw.length - headEnd - 4 == 5 && endsWith(raw, "0\r\n\r\n");
        }
        return false;
    }

    private static boolean endsWith(byte[] raw, String suffix) {
        byte[] s = suffix.getBytes(StandardCharsets.ISO_8859_1);
        return raw.length >= s.length && indexOf(raw, s, raw.length - s.length) >= 0;
    }

    /** Drops interim (1xx) responses such as "100 Continue" from the front. */
    private static byte[] skipInterim(byte[] raw) {
        byte[] out = raw;
        while (out.length > 12 && out[9] == '1' && new String(out, 0, 5, StandardCharsets.ISO_8859_1).equals("HTTP/")) {
            int end = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (end < 0) {
                return new byte[0];
            }
            out = java.util.Arrays.copyOfRange(out, end + 4, out.length);
        }
        return out;
    }

    static Response parse(byte[] all, long millis) throws IOException {
        byte[] raw = skipInterim(all);
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (headEnd < 0) {
            throw new IOException("no complete response head in " + raw.length + " bytes: "
                    + new String(raw, 0, Math.min(raw.length, 200), StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        List<String> te = headers.get("transfer-encoding");
        if (te != null && te.get(0).equalsIgnoreCase("chunked") && body.length > 0) {
            body = dechunk(body);
        }
        return new Response(status, headers, body, millis);
    }

    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (true) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, pos);
            if (lineEnd < 0) {
                throw new IOException("truncated chunked body");
            }
            String sizeField = new String(body, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size = Integer.parseInt(sizeField, 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
