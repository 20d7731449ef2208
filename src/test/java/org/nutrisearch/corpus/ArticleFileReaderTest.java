package org.nutrisearch.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class ArticleFileReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private CorpusException failure(Path file) {
        return assertThrows(CorpusException.class, () -> ArticleFileReader.read(file));
    }

    @Test
    void readsUtf8WithoutByteOrderMarkAndWithUnixLineEnds() throws Exception {
        Path file = write("ok.txt", "\uFEFFTitle\r\n\r\nMagnesium — 350 mg\rEnd".getBytes(StandardCharsets.UTF_8));
        assertEquals("Title\n\nMagnesium — 350 mg\nEnd", ArticleFileReader.read(file));
    }

    @Test
    void invalidUtf8NamesTheByteAndItsOffset() throws IOException {
        Path file = write("latin1.txt", new byte[] {'a', 'b', 'c', (byte) 0xFF, 'd'});
        CorpusException e = failure(file);
        assertEquals(SkipReason.INVALID_UTF8, e.reason());
        assertEquals(CorpusPaths.display(file) + ": not valid UTF-8 (byte 0xFF at offset 3)", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void truncatedSequenceAtTheEndIsInvalid() throws IOException {
        // The first two bytes of the three-byte "—".
        CorpusException e = failure(write("cut.txt", new byte[] {'o', 'k', (byte) 0xE2, (byte) 0x80}));
        assertEquals(SkipReason.INVALID_UTF8, e.reason());
        assertEquals("not valid UTF-8 (byte 0xE2 at offset 2)", e.detail());
    }

    @Test
    void emptyAndWhitespaceOnlyFilesAreEmpty() throws IOException {
        assertEquals(SkipReason.EMPTY, failure(write("empty.txt", new byte[0])).reason());
        CorpusException blank = failure(write("blank.txt", " \n\t\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(SkipReason.EMPTY, blank.reason());
        assertEquals(CorpusPaths.display(dir.resolve("blank.txt")) + ": holds only whitespace", blank.getMessage());
    }

    @Test
    void nulBytesMeanBinary() throws IOException {
        CorpusException e = failure(write("image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));
        assertEquals(SkipReason.BINARY, e.reason());
        assertEquals("is a binary file, not text (NUL byte at offset 4)", e.detail());
    }

    @Test
    void fileOverTheLimitIsTooLarge() throws IOException {
        Path file = write("big.txt", "0123456789".getBytes(StandardCharsets.UTF_8));
        CorpusException e = assertThrows(CorpusException.class, () -> ArticleFileReader.read(file, 9));
        assertEquals(SkipReason.TOO_LARGE, e.reason());
        assertEquals("is too large (more than 9 bytes)", e.detail());
    }

    @Test
    void missingFileAndDirectoryAreUnreadable() {
        CorpusException missing = failure(dir.resolve("nope.txt"));
        assertEquals(SkipReason.UNREADABLE, missing.reason());
        assertEquals(CorpusPaths.display(dir.resolve("nope.txt")) + ": no such file", missing.getMessage());
        assertEquals(SkipReason.UNREADABLE, failure(dir).reason());
    }

    @Test
    void fileWithoutReadPermissionIsUnreadable() throws IOException {
        Path file = write("secret.txt", "text".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            // root reads any file whatever its mode; the case cannot happen there.
            assumeFalse(Files.isReadable(file), "running as root: permissions do not block reads");
            CorpusException e = failure(file);
            assertEquals(SkipReason.UNREADABLE, e.reason());
            assertEquals("cannot be read (permission denied)", e.detail());
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void relativePathsAreShownAsGiven() {
        assertEquals("corpus/x.txt", CorpusPaths.display(Path.of("corpus/x.txt")));
        assertEquals("corpus/x.txt", CorpusPaths.display(Path.of("corpus/x.txt").toAbsolutePath()));
        assertEquals("x", CorpusPaths.stem(Path.of("corpus/x.txt")));
    }
}
