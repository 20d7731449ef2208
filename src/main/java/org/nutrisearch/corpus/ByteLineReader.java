package org.nutrisearch.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream one line at a time as raw bytes, so that one bad line (wrong encoding, or absurdly
 * long) can be reported and skipped without giving up on the rest of the file. Memory stays bounded:
 * a line over the limit is skipped to its end, not kept.
 */
final class ByteLineReader implements Closeable {

    /** One line without its "\n" (or "\r\n"); {@code bytes} holds nothing when the line was too long. */
    record Line(int number, byte[] bytes, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int lineNumber;
    private byte[] line = new byte[1024];

    ByteLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (!tooLong) {
                if (length + chunk > maxLineBytes) {
                    tooLong = true;
                    line = new byte[1024];
                } else {
                    if (length + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + chunk)));
                    }
                    System.arraycopy(buffer, start, line, length, chunk);
                    length += chunk;
                }
            }
            if (position < limit) {
                position++; // the '\n'
                break;
            }
        }
        lineNumber++;
        if (tooLong) {
            return new Line(lineNumber, new byte[0], true);
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new Line(lineNumber, Arrays.copyOf(line, length), false);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
