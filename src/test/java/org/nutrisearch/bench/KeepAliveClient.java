package org.nutrisearch.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The smallest HTTP/1.1 client that keeps a connection open: one GET at a time, body read and
 * discarded (Content-Length or chunked). The load harness shares two cores with the server, so its
 * client must cost as little CPU per request as possible; java.net.http.HttpClient costs several
 * times more. Not thread-safe: one per load connection.
 */
final class KeepAliveClient implements AutoCloseable {

    /**
     * The Accept-Encoding every client sends, or null for none (the default: the body comes as it is).
     * Browsers send "gzip, deflate, br": {@code LoadHarness --accept-encoding gzip} measures what the
     * server's compression costs them. Set once, before any load starts.
     */
    private static volatile String acceptEncoding;

    private final String host;
    private final int port;
    /** The request's header lines after the request line, the same for every request of this client. */
    private final String headers;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private final byte[] skip = new byte[16 * 1024];
    private final StringBuilder line = new StringBuilder(128);

    KeepAliveClient(String host, int port) {
        this.host = host;
        this.port = port;
        String encoding = acceptEncoding;
        this.headers = "Host: " + host + ":" + port + "\r\nAccept: application/json\r\n"
                + (encoding == null ? "" : "Accept-Encoding: " + encoding + "\r\n") + "\r\n";
    }

    /** Sets the Accept-Encoding header of every client made after it (null: none); call before the load starts. */
    static void acceptEncoding(String value) {
        acceptEncoding = value;
    }

    /** Sends {@code GET path} and returns the status code once the whole body has been read. */
    int get(String path) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(("GET " + path + " HTTP/1.1\r\n" + headers).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 2_000);
        s.setSoTimeout(30_000);
        socket = s;
        out = s.getOutputStream();
        in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
    }

    private int readResponse() throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
                discard(size);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            discard(length);
        } else if (length < 0) {
            closeAfter = true; // body runs to the end of the connection
            while (in.read(skip) >= 0) {
                // drain
            }
        }
        if (closeAfter) {
            close();
        }
        return code;
    }

    private void discard(long n) throws IOException {
        while (n > 0) {
            int r = in.read(skip, 0, (int) Math.min(skip.length, n));
            if (r < 0) {
                throw new EOFException("connection closed inside a body");
            }
            n -= r;
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            socket = null;
        }
    }
}
