package org.nutrisearch.http;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON already written as UTF-8, embedded as it is in a response that Jackson writes around it
 * ({@code new RawValue(rawJson)}). A {@link SerializedString} of the same text would encode its
 * characters to UTF-8 again, one by one, on every response (a third of a new search's CPU over HTTP on
 * five articles); these bytes are copied. The text form is made only for a writer of characters.
 * Immutable, thread-safe.
 */
final class RawJson implements SerializableString {

    private final byte[] utf8;
    /** The same as characters, made on first use (only a character-based generator asks). */
    private volatile SerializedString text;

    RawJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** Bytes of the JSON. */
    int length() {
        return utf8.length;
    }

    private SerializedString text() {
        SerializedString t = text;
        if (t == null) {
            t = new SerializedString(new String(utf8, StandardCharsets.UTF_8));
            text = t;
        }
        return t;
    }

    @Override
    public String getValue() {
        return text().getValue();
    }

    @Override
    public int charLength() {
        return text().charLength();
    }

    @Override
    public char[] asQuotedChars() {
        return text().asQuotedChars();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8.clone();
    }

    @Override
    public byte[] asQuotedUTF8() {
        return text().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return text().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return text().appendQuoted(buffer, offset);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + utf8.length > buffer.length) {
            return -1;
        }
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        return text().appendUnquoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return text().writeQuotedUTF8(out);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
        return text().putQuotedUTF8(buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (utf8.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(utf8);
        return utf8.length;
    }

    @Override
    public String toString() {
        return getValue();
    }
}
