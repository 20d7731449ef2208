package org.nutrisearch.embedding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Vectors already computed, so a unit whose text has not changed is never embedded again (embedding is the
 * slow part of indexing). Keyed by the SHA-256 of (model id, text); one file per model in a given folder.
 *
 * <p>The file is append-only: a header (magic, format version, dimension, model id) and then fixed-size
 * records {@code [32-byte key][dimension little-endian floats][CRC32C of both]}. Opening reads it once,
 * sequentially, keeping only key → file offset in memory (about 100 bytes per vector; vectors are read from
 * the file when asked for), so opening costs one pass over the file. A damaged record (a crash mid-append) and
 * everything after it is cut off; a file with a damaged or foreign header is started afresh — a cache
 * never stops indexing, it only saves time. {@link #retainOnly} drops the vectors of texts that are gone,
 * rewriting the file atomically (temp file + move), which keeps the file and its load time proportional to
 * the corpus. The file is locked while open, so two indexers cannot interleave appends.
 * Thread-safe.
 */
public final class VectorCache implements AutoCloseable {

    private static final int MAGIC = 0x4E535643; // "NSVC"
    private static final int FORMAT_VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int CRC_BYTES = 4;

    /** What opening found in the file. */
    public record LoadSummary(int vectors, long discardedBytes, boolean startedAfresh) {
    }

    private final Path file;
    private final String modelId;
    private final int dimension;
    private final int recordBytes;
    private final Map<Key, Long> offsets = new HashMap<>();
    private FileChannel channel;
    private FileLock lock;
    private long end;
    private LoadSummary loadSummary;

    private VectorCache(Path file, String modelId, int dimension) {
        this.file = file;
        this.modelId = modelId;
        this.dimension = dimension;
        this.recordBytes = KEY_BYTES + dimension * Float.BYTES + CRC_BYTES;
    }

    /**
     * Opens (or creates) the cache of {@code modelId} in {@code folder}.
     *
     * @throws IOException if the folder cannot be written or another process has the cache open
     */
    public static VectorCache open(Path folder, String modelId, int dimension) throws IOException {
        Objects.requireNonNull(modelId, "modelId");
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        Files.createDirectories(folder);
        VectorCache cache = new VectorCache(folder.resolve(fileName(modelId)), modelId, dimension);
        cache.openChannel();
        try {
            cache.load();
        } catch (IOException | RuntimeException e) {
            cache.close();
            throw e;
        }
        return cache;
    }

    /** The cache file name of a model: its id with anything but letters, digits, '.', '-' and '_' replaced. */
    static String fileName(String modelId) {
        return modelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors";
    }

    public Path file() {
        return file;
    }

    public String modelId() {
        return modelId;
    }

    public int dimension() {
        return dimension;
    }

    /** What was found when the cache was opened. */
    public LoadSummary loadSummary() {
        return loadSummary;
    }

    public synchronized int size() {
        return offsets.size();
    }

    /** The vector stored for {@code text}, or null. */
    public synchronized float[] get(String text) throws IOException {
        Long offset = offsets.get(key(text));
        if (offset == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        readFully(bytes, offset + KEY_BYTES);
        float[] vector = new float[dimension];
        bytes.flip().asFloatBuffer().get(vector);
        return vector;
    }

    /** Stores the vector of {@code text} unless one is stored already. */
    public synchronized void put(String text, float[] vector) throws IOException {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector has " + vector.length + " components, cache holds " + dimension);
        }
        Key key = key(text);
        if (offsets.containsKey(key)) {
            return;
        }
        ByteBuffer record = record(key, vector);
        writeFully(record, end);
        offsets.put(key, end);
        end += recordBytes;
    }

    /**
     * Forgets the vectors of all texts not in {@code texts} and rewrites the file without them (temp file,
     * then an atomic move). Returns how many vectors were dropped; does nothing when none would be.
     */
    public synchronized int retainOnly(Collection<String> texts) throws IOException {
        Set<Key> keep = new HashSet<>();
        for (String text : texts) {
            keep.add(key(text));
        }
        int dropped = (int) offsets.keySet().stream().filter(k -> !keep.contains(k)).count();
        if (dropped == 0) {
            return 0;
        }
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Map<Key, Long> kept = new HashMap<>();
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer header = header();
                long position = header.remaining();
                writeFully(out, header, 0);
                ByteBuffer record = ByteBuffer.allocate(recordBytes);
                for (Map.Entry<Key, Long> entry : offsets.entrySet()) {
                    if (keep.contains(entry.getKey())) {
                        readFully(record.clear(), entry.getValue());
                        writeFully(out, record.flip(), position);
                        kept.put(entry.getKey(), position);
                        position += recordBytes;
                    }
                }
                out.force(true);
            }
            releaseChannel();
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                offsets.clear();
                offsets.putAll(kept);
            } finally {
                // Reopen whichever file is in place now, so a failed move leaves the old cache usable.
                openChannel();
                end = channel.size();
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return dropped;
    }

    /** Makes everything stored so far durable. */
    public synchronized void flush() throws IOException {
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null && channel.isOpen()) {
            channel.force(false);
        }
        releaseChannel();
    }

    private void openChannel() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM has it open already
        }
        if (lock == null) {
            channel.close();
            throw new IOException("Vector cache " + file + " is open already (in this or another process)");
        }
    }

    private void releaseChannel() throws IOException {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** Indexes every intact record; cuts off a damaged tail, starts afresh on a bad header. */
    private void load() throws IOException {
        long size = channel.size();
        ByteBuffer expected = header();
        int headerBytes = expected.remaining();
        ByteBuffer found = ByteBuffer.allocate(headerBytes);
        if (size >= headerBytes) {
            readFully(found, 0);
            found.flip();
        }
        if (size < headerBytes || !found.equals(expected)) {
            channel.truncate(0);
            writeFully(expected, 0);
            end = headerBytes;
            loadSummary = new LoadSummary(0, size, size > 0);
            return;
        }
        long position = headerBytes;
        ByteBuffer chunk = ByteBuffer.allocate(recordBytes * Math.max(1, (1 << 20) / recordBytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        CRC32C crc = new CRC32C();
        boolean intact = true;
        while (intact && position + recordBytes <= size) {
            chunk.clear();
            chunk.limit((int) Math.min(chunk.capacity(), (size - position) / recordBytes * recordBytes));
            readFully(chunk, position);
            chunk.flip();
            while (chunk.remaining() >= recordBytes) {
                int start = chunk.position();
                crc.reset();
                crc.update(chunk.slice(start, recordBytes - CRC_BYTES));
                int stored = chunk.getInt(start + recordBytes - CRC_BYTES);
                if (stored != (int) crc.getValue()) {
                    intact = false;
                    break;
                }
                byte[] keyBytes = new byte[KEY_BYTES];
                chunk.get(start, keyBytes);
                offsets.put(new Key(keyBytes), position);
                position += recordBytes;
                chunk.position(start + recordBytes);
            }
        }
        if (position < size) {
            channel.truncate(position);
        }
        end = position;
        loadSummary = new LoadSummary(offsets.size(), size - position, false);
    }

    private ByteBuffer header() {
        byte[] id = modelId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(4 * Integer.BYTES + id.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC).putInt(FORMAT_VERSION).putInt(dimension).putInt(id.length).put(id);
        return header.flip();
    }

    private ByteBuffer record(Key key, float[] vector) {
        ByteBuffer record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        record.put(key.bytes());
        for (float v : vector) {
            record.putFloat(v);
        }
        CRC32C crc = new CRC32C();
        crc.update(record.array(), 0, recordBytes - CRC_BYTES);
        record.putInt((int) crc.getValue());
        return record.flip();
    }

    private Key key(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(modelId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0); // separator: ("ab", "c") and ("a", "bc") must differ
            sha256.update(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
            return new Key(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("Vector cache " + file + " ended early at " + position);
            }
            position += n;
        }
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        writeFully(channel, buffer, position);
    }

    private static void writeFully(FileChannel target, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += target.write(buffer, position);
        }
    }

    /** A SHA-256 digest as a map key (arrays compare by identity). */
    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            // The digest is uniformly distributed already: its first bytes are a good hash.
            return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
        }
    }
}
