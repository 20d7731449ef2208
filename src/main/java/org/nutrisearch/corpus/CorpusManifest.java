package org.nutrisearch.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a corpus holds, by content: every file the loader reads (same entries, same rules:
 * {@link CorpusFiles}) with its size and SHA-256. Two manifests are equal exactly when an index built from
 * one serves the other, whatever the files' modification times say: a file copied in with an old time
 * ({@code cp -p}, {@code rsync -a}, {@code tar}) or a deleted file is a change; touching a file is not.
 *
 * <p>Take the manifest <em>before</em> loading the corpus and store it with what was built from it: a file
 * changed during the build then differs from the stored manifest, and the next check rebuilds.
 *
 * @param files the files, by path relative to the corpus folder ('/'-separated), in path order
 */
public record CorpusManifest(List<CorpusManifest.File> files) {

    /** One file read from the corpus. */
    public record File(String path, long size, String sha256) {
    }

    /**
     * How a file stood on disk when it was hashed: its size, modification and change times (nanoseconds since
     * the epoch) and the file system's key (device and inode). Writing to a file moves its change time, which
     * no tool can set back ({@code cp -p}, {@code rsync -a} and {@code tar} restore the modification time only),
     * and replacing it changes its key; so a file with the same stamp as when it was hashed holds the same
     * bytes, and {@link #scan(Path, CorpusManifest, Map)} takes its hash from there instead of reading it again
     * (294 MB for the 200 000-unit benchmark corpus, a third of a second of start-up).
     */
    public record Stamp(long size, long modified, long changed, String key) {

        /** The stamp of {@code path} now; empty where the file system gives no change time (not a Unix one). */
        static Optional<Stamp> of(Path path) {
            try {
                Map<String, Object> unix = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,dev,ino");
                return Optional.of(new Stamp((Long) unix.get("size"), nanos(unix.get("lastModifiedTime")),
                        nanos(unix.get("ctime")), unix.get("dev") + ":" + unix.get("ino")));
            } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException | IOException e) {
                return Optional.empty();
            }
        }

        private static long nanos(Object fileTime) {
            return ((FileTime) fileTime).to(TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A manifest and the stamps of its files, for the next scan to reuse ({@link #scan(Path, CorpusManifest, Map)}):
     * only files unchanged for {@link #SETTLED} before the scan have one, as a change within the same tick of
     * the file system's clock could leave the change time as it was (git's "racy clean" problem).
     */
    public record Scanned(CorpusManifest manifest, Map<String, Stamp> stamps) {
        public Scanned {
            stamps = Map.copyOf(stamps);
        }
    }

    /** How long a file must have been left alone before its stamp is trusted. */
    static final Duration SETTLED = Duration.ofSeconds(2);

    /** What differs between two manifests, by relative path. */
    public record Changes(List<String> added, List<String> removed, List<String> changed) {

        public boolean none() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }

        /** "2 added, 1 removed, 3 changed" (parts with none left out), or "no changes". */
        public String summary() {
            List<String> parts = new ArrayList<>();
            if (!added.isEmpty()) {
                parts.add(added.size() + " added");
            }
            if (!removed.isEmpty()) {
                parts.add(removed.size() + " removed");
            }
            if (!changed.isEmpty()) {
                parts.add(changed.size() + " changed");
            }
            return parts.isEmpty() ? "no changes" : String.join(", ", parts);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public CorpusManifest {
        files = files.stream().sorted(Comparator.comparing(File::path)).toList();
    }

    /**
     * Reads every file of {@code corpus} (a folder, or one file) that the loader would read. Files the loader
     * would refuse unopened (links out of the folder, pipes, folders, other extensions) are not in it;
     * a file that cannot be read is left out, so it counts as added once it can be.
     *
     * @throws CorpusException (UNREADABLE) when {@code corpus} does not exist or cannot be listed, as the
     *                         loader would
     */
    public static CorpusManifest scan(Path corpus) throws CorpusException {
        return scan(corpus, new CorpusManifest(List.of()), Map.of(), Instant.now()).manifest();
    }

    /**
     * As {@link #scan(Path)}, taking the hash of a file from {@code earlier} instead of reading the file when
     * its {@link Stamp} is the one {@code earlierStamps} holds for it (a scan that found {@code earlier}). The
     * same manifest as {@link #scan(Path)} gives, with the stamps for the next scan.
     */
    public static Scanned scan(Path corpus, CorpusManifest earlier, Map<String, Stamp> earlierStamps)
            throws CorpusException {
        return scan(corpus, earlier, earlierStamps, Instant.now());
    }

    /** As {@link #scan(Path, CorpusManifest, Map)}, at the time {@code now} (tests move it). */
    static Scanned scan(Path corpus, CorpusManifest earlier, Map<String, Stamp> earlierStamps, Instant now)
            throws CorpusException {
        if (!Files.exists(corpus)) {
            throw new CorpusException(corpus, SkipReason.UNREADABLE, "no such file or directory");
        }
        Map<String, File> known = earlier.files().stream().collect(Collectors.toMap(File::path, Function.identity()));
        long settledBefore = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano() - SETTLED.toNanos();
        Hashing hashing = new Hashing(known, earlierStamps, settledBefore, new ArrayList<>(), new HashMap<>());
        if (Files.isDirectory(corpus)) {
            for (Path entry : CorpusFiles.entries(corpus)) {
                if (CorpusFiles.isSupported(entry)) {
                    hashing.add(entry.getFileName().toString(), () -> CorpusFiles.readablePath(corpus, entry));
                }
            }
        } else {
            hashing.add(corpus.getFileName().toString(), () -> CorpusFiles.readablePath(corpus));
        }
        return new Scanned(new CorpusManifest(hashing.files()), hashing.stamps());
    }

    /** The resolution of a corpus entry to a path to read. */
    private interface Readable {
        Path path() throws CorpusException;
    }

    /** One scan: the files found so far and their stamps, the earlier scan's files and stamps. */
    private record Hashing(Map<String, File> known, Map<String, Stamp> knownStamps, long settledBefore,
                           List<File> files, Map<String, Stamp> stamps) {

        void add(String name, Readable readable) {
            try {
                Path path = readable.path();
                // Taken before reading: a write while the file is hashed moves the change time past it.
                Optional<Stamp> stamp = Stamp.of(path);
                File earlier = known.get(name);
                if (stamp.isPresent() && earlier != null && stamp.get().equals(knownStamps.get(name))
                        && earlier.size() == stamp.get().size()) {
                    files.add(earlier);
                    stamps.put(name, stamp.get());
                    return;
                }
                File hashed = hash(name, path);
                files.add(hashed);
                if (stamp.isPresent() && stamp.get().changed() < settledBefore && stamp.get().modified() < settledBefore
                        && stamp.get().size() == hashed.size()) {
                    stamps.put(name, stamp.get());
                }
            } catch (CorpusException | IOException e) {
                // Not readable now: not part of what an index can be built from.
            }
        }
    }

    private static File hash(String name, Path path) throws IOException {
        try (InputStream in = CorpusFiles.open(path)) {
            MessageDigest sha = sha256();
            byte[] buffer = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                size += n;
            }
            return new File(name, size, HexFormat.of().formatHex(sha.digest()));
        }
    }

    /** One SHA-256 over the whole manifest: equal for equal manifests, a single value to store anywhere. */
    public String digest() {
        MessageDigest sha = sha256();
        for (File f : files) {
            sha.update((f.path() + '\t' + f.size() + '\t' + f.sha256() + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** What this manifest has that {@code older} did not, lost, or has with other content. */
    public Changes changesSince(CorpusManifest older) {
        Map<String, File> before = older.files().stream().collect(Collectors.toMap(File::path, Function.identity()));
        Map<String, File> now = files.stream().collect(Collectors.toMap(File::path, Function.identity()));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (File f : files) {
            File old = before.get(f.path());
            if (old == null) {
                added.add(f.path());
            } else if (!old.equals(f)) {
                changed.add(f.path());
            }
        }
        List<String> removed = older.files().stream().map(File::path).filter(p -> !now.containsKey(p)).toList();
        return new Changes(added, removed, changed);
    }

    /** Writes the manifest as JSON to {@code file}. */
    public void write(Path file) throws IOException {
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }

    /** The manifest written to {@code file}, or empty when there is none or it cannot be read. */
    public static Optional<CorpusManifest> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), CorpusManifest.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
