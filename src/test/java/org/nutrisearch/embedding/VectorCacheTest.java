package org.nutrisearch.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorCacheTest {

    private static final String MODEL = "test-model";
    private static final int DIM = 4;
    /** magic, version, dimension, id length (4 ints) + "test-model". */
    private static final int HEADER_BYTES = 16 + MODEL.length();
    /** key + 4 floats + CRC. */
    private static final int RECORD_BYTES = 32 + DIM * 4 + 4;

    private static final float[] MAGNESIUM = {0.5f, -0.5f, 0.5f, -0.5f};
    private static final float[] POTASSIUM = {1f, 0f, 0f, 0f};
    private static final float[] IRON = {0f, 0.6f, 0.8f, 0f};

    @TempDir
    Path folder;

    @Test
    void storedVectorsComeBackBitForBitAfterReopening() throws IOException {
        float[] awkward = {Float.MIN_VALUE, -0.0f, 0.1f, Float.MAX_VALUE};
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            cache.put("Magnesium relaxes muscles.", MAGNESIUM);
            cache.put("odd floats", awkward);
            assertArrayEquals(MAGNESIUM, cache.get("Magnesium relaxes muscles."));
            assertNull(cache.get("magnesium relaxes muscles."), "keys are the exact text");
        }
        try (VectorCache reopened = VectorCache.open(folder, MODEL, DIM)) {
            assertEquals(new VectorCache.LoadSummary(2, 0, false), reopened.loadSummary());
            assertArrayEquals(MAGNESIUM, reopened.get("Magnesium relaxes muscles."));
            assertArrayEquals(awkward, reopened.get("odd floats"));
        }
        assertEquals(HEADER_BYTES + 2L * RECORD_BYTES, Files.size(folder.resolve("test-model.vectors")));
    }

    @Test
    void theFirstVectorStoredForATextStays() throws IOException {
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            cache.put("Bananas contain potassium.", POTASSIUM);
            cache.put("Bananas contain potassium.", IRON);
            assertArrayEquals(POTASSIUM, cache.get("Bananas contain potassium."));
            assertEquals(1, cache.size());
        }
    }

    @Test
    void eachModelHasItsOwnFile() throws IOException {
        try (VectorCache a = VectorCache.open(folder, "model/a", DIM);
             VectorCache b = VectorCache.open(folder, "model-b", DIM)) {
            a.put("same text", POTASSIUM);
            assertNull(b.get("same text"));
            assertEquals(folder.resolve("model_a.vectors"), a.file());
        }
    }

    @Test
    void aGarbageFileIsStartedAfreshAndThenWorks() throws IOException {
        Files.write(folder.resolve("test-model.vectors"), "this is not a vector cache at all".getBytes());
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            assertEquals(new VectorCache.LoadSummary(0, 33, true), cache.loadSummary());
            assertEquals(0, cache.size());
            cache.put("Iron deficiency causes restless legs.", IRON);
        }
        try (VectorCache reopened = VectorCache.open(folder, MODEL, DIM)) {
            assertEquals(new VectorCache.LoadSummary(1, 0, false), reopened.loadSummary());
            assertArrayEquals(IRON, reopened.get("Iron deficiency causes restless legs."));
        }
    }

    @Test
    void aFileOfAnotherDimensionIsStartedAfresh() throws IOException {
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            cache.put("four components", POTASSIUM);
        }
        try (VectorCache cache = VectorCache.open(folder, MODEL, 2)) {
            assertTrue(cache.loadSummary().startedAfresh());
            assertNull(cache.get("four components"));
        }
    }

    @Test
    void aCorruptedRecordAndWhatFollowsAreDroppedTheRestIsKept() throws IOException {
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            cache.put("first", MAGNESIUM);
            cache.put("second", POTASSIUM);
            cache.put("third", IRON);
        }
        Path file = folder.resolve("test-model.vectors");
        // Flip one byte inside the vector of the second record.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = HEADER_BYTES + RECORD_BYTES + 32 + 5;
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            channel.write(one, position);
        }
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            assertEquals(new VectorCache.LoadSummary(1, 2L * RECORD_BYTES, false), cache.loadSummary());
            assertArrayEquals(MAGNESIUM, cache.get("first"));
            assertNull(cache.get("second"));
            assertNull(cache.get("third"));
            cache.put("second", POTASSIUM);
        }
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            assertEquals(new VectorCache.LoadSummary(2, 0, false), cache.loadSummary());
            assertArrayEquals(POTASSIUM, cache.get("second"));
        }
    }

    @Test
    void aTornLastRecordIsCutOff() throws IOException {
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            cache.put("first", MAGNESIUM);
            cache.put("second", POTASSIUM);
        }
        Path file = folder.resolve("test-model.vectors");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(HEADER_BYTES + RECORD_BYTES + 10);
        }
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            assertEquals(new VectorCache.LoadSummary(1, 10, false), cache.loadSummary());
            assertArrayEquals(MAGNESIUM, cache.get("first"));
        }
        assertEquals(HEADER_BYTES + RECORD_BYTES, Files.size(file));
    }

    @Test
    void retainOnlyRewritesTheFileWithoutVectorsOfTextsThatAreGone() throws IOException {
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            cache.put("kept one", MAGNESIUM);
            cache.put("removed", POTASSIUM);
            cache.put("kept two", IRON);
            assertEquals(1, cache.retainOnly(List.of("kept one", "kept two", "never cached")));
            assertEquals(0, cache.retainOnly(List.of("kept one", "kept two")));
            assertNull(cache.get("removed"));
            assertArrayEquals(IRON, cache.get("kept two"));
            cache.put("added after", POTASSIUM);
        }
        assertEquals(HEADER_BYTES + 3L * RECORD_BYTES, Files.size(folder.resolve("test-model.vectors")));
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            assertEquals(3, cache.size());
            assertArrayEquals(MAGNESIUM, cache.get("kept one"));
            assertArrayEquals(POTASSIUM, cache.get("added after"));
        }
        try (var files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("test-model.vectors")), files.toList(), "no temp file left");
        }
    }

    @Test
    void aCacheThatIsOpenCannotBeOpenedAgain() throws IOException {
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            IOException e = assertThrows(IOException.class, () -> VectorCache.open(folder, MODEL, DIM));
            assertTrue(e.getMessage().contains("open already"), e.getMessage());
            cache.put("still usable", IRON);
            assertFalse(cache.get("still usable") == null);
        }
    }

    @Test
    void vectorsOfTheWrongLengthAreRefused() throws IOException {
        try (VectorCache cache = VectorCache.open(folder, MODEL, DIM)) {
            assertThrows(IllegalArgumentException.class, () -> cache.put("short", new float[] {1f, 0f}));
            assertEquals(0, cache.size());
        }
    }
}
