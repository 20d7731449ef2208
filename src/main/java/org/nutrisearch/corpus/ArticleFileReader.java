package org.nutrisearch.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one article file as text, strictly: UTF-8 only (a wrong byte is reported with its offset
 * rather than silently replaced), byte order mark stripped, line ends normalised to "\n".
 * Empty, binary and over-large files are refused with a {@link CorpusException} naming the file.
 */
public final class ArticleFileReader {

    /** The largest file read by default: far above any article, low enough to keep memory bounded. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private ArticleFileReader() {
    }

    /** Reads {@code file} with the default size limit ({@value #DEFAULT_MAX_BYTES} bytes). */
    public static String read(Path file) throws CorpusException {
        return read(file, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads the file the user named (a link there is followed; a pipe, socket or device is refused), refusing
     * it as {@link SkipReason#TOO_LARGE} when it is over {@code maxBytes}.
     */
    public static String read(Path file, long maxBytes) throws CorpusException {
        return read(file, CorpusFiles.readablePath(file), maxBytes);
    }

    /**
     * Reads {@code readable}, a path checked by {@link CorpusFiles#readablePath}, naming it {@code file} in
     * problems.
     */
    static String read(Path file, Path readable, long maxBytes) throws CorpusException {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes must be between 1 and 2 GB: " + maxBytes);
        }
        byte[] bytes = readBytes(file, readable, maxBytes);
        if (bytes.length == 0) {
            throw new CorpusException(file, SkipReason.EMPTY, "is empty");
        }
        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            throw new CorpusException(file, SkipReason.BINARY,
                    "is a binary file, not text (NUL byte at offset " + nul + ")");
        }
        String text = decodeStrictly(file, bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            throw new CorpusException(file, SkipReason.EMPTY, "holds only whitespace");
        }
        return text;
    }

    private static byte[] readBytes(Path file, Path readable, long maxBytes) throws CorpusException {
        // Read at most one byte past the limit: the size on disk may change between a size check and
        // the read, and this keeps memory bounded either way.
        try (InputStream in = CorpusFiles.open(readable)) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new CorpusException(file, SkipReason.TOO_LARGE,
                        "is too large (more than " + maxBytes + " bytes)");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String decodeStrictly(Path file, byte[] bytes) throws CorpusException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            String what = offset < bytes.length
                    ? String.format("byte 0x%02X at offset %d", bytes[offset] & 0xFF, offset)
                    : "truncated sequence at offset " + offset;
            throw new CorpusException(file, SkipReason.INVALID_UTF8, "not valid UTF-8 (" + what + ")");
        }
        out.flip();
        return out.toString();
    }
}
