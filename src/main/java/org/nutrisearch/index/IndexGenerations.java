package org.nutrisearch.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.nutrisearch.corpus.CorpusManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The index folder: numbered generations ({@code gen-000001/}, …) and a {@code CURRENT} file naming
 * the one that is served.
 *
 * <p>A build writes a new generation and only then rewrites {@code CURRENT} atomically, so a process
 * killed mid-build leaves the previous index intact and served on the next start.
 */
public final class IndexGenerations {

    static final String CURRENT = "CURRENT";
    /** The manifest of the corpus a generation was built from, inside the generation's folder. */
    static final String MANIFEST = "corpus-manifest.json";
    /** The stamps of the corpus files when the manifest was last checked ({@link CorpusManifest.Stamp}). */
    static final String STAMPS = "corpus-stamps.json";
    private static final String PREFIX = "gen-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, CorpusManifest.Stamp>> STAMPS_TYPE = new TypeReference<>() {
    };

    private final Path root;

    public IndexGenerations(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The generation {@code CURRENT} names, when it exists and holds a committed index. */
    public Optional<Path> current() {
        Path pointer = root.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
            if (!name.startsWith(PREFIX) || name.contains("/") || name.contains("\\")) {
                return Optional.empty();
            }
            Path dir = root.resolve(name);
            return hasCommit(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates an empty folder for the next generation (one more than any present). */
    public Path create() throws IOException {
        Files.createDirectories(root);
        int next = generations().stream().mapToInt(IndexGenerations::number).max().orElse(0) + 1;
        Path dir = root.resolve(String.format("%s%06d", PREFIX, next));
        Files.createDirectories(dir);
        return dir;
    }

    /** Makes {@code generation} the served one: writes CURRENT through a temporary file and an atomic move. */
    public void publish(Path generation) throws IOException {
        replace(root.resolve(CURRENT), (generation.getFileName().toString() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code file} through a temporary file beside it and a move (atomic where the file system can). */
    private static void replace(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, content);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The manifest of the corpus {@code generation} was built from, when one was stored with it. */
    public Optional<CorpusManifest> manifest(Path generation) {
        return CorpusManifest.read(generation.resolve(MANIFEST));
    }

    /** Stores {@code manifest} with {@code generation} (before it is published). */
    void storeManifest(Path generation, CorpusManifest manifest) throws IOException {
        manifest.write(generation.resolve(MANIFEST));
    }

    /**
     * The stamps of the corpus files as the last check of {@code generation}'s manifest found them (empty when
     * none was stored or it cannot be read): the next check hashes only the files whose stamp moved.
     */
    public Map<String, CorpusManifest.Stamp> stamps(Path generation) {
        Path file = generation.resolve(STAMPS);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(file.toFile(), STAMPS_TYPE);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /**
     * Stores {@code stamps} with {@code generation}, through a temporary file and a move (a reader never sees
     * half a file); they only save time, so a failure is for the caller to ignore.
     */
    public void storeStamps(Path generation, Map<String, CorpusManifest.Stamp> stamps) throws IOException {
        replace(generation.resolve(STAMPS), JSON.writeValueAsBytes(new TreeMap<>(stamps)));
    }

    /**
     * Deletes the generations that are neither served nor being written: leftovers of builds killed mid-way
     * (a {@code kill -9} during a reindex). A generation whose write lock is held, by this process or
     * another, is being built and stays. Returns the folders deleted.
     */
    public List<Path> removeAbandoned() throws IOException {
        Optional<Path> served = current();
        List<Path> removed = new ArrayList<>();
        for (Path gen : generations()) {
            if (served.isPresent() && gen.equals(served.get())) {
                continue;
            }
            if (!beingWritten(gen)) {
                deleteTree(gen);
                removed.add(gen);
            }
        }
        Files.deleteIfExists(root.resolve(CURRENT + ".tmp"));
        return removed;
    }

    private static boolean beingWritten(Path generation) throws IOException {
        try (Directory directory = FSDirectory.open(generation);
             Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
            return false;
        } catch (LockObtainFailedException e) {
            return true;
        }
    }

    /** Deletes every generation but {@code keep} (old ones after a switch, and leftovers of killed builds). */
    public void removeAllExcept(Path keep) throws IOException {
        for (Path gen : generations()) {
            if (!gen.equals(keep)) {
                deleteTree(gen);
            }
        }
    }

    /** Deletes one generation folder (a failed build). */
    public void remove(Path generation) throws IOException {
        deleteTree(generation);
    }

    List<Path> generations() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> Files.isDirectory(p) && number(p) > 0).sorted().toList();
        }
    }

    private static int number(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean hasCommit(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        }
    }

    /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
