package org.nutrisearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.nutrisearch.search.SearchBackend;

/**
 * What visitors searched for over a sliding time window: top queries, top queries that found nothing
 * (grouped by the nearest indexed word, so an editor sees which synonyms or articles are missing) and
 * top questions the answer endpoint declined. Thread-safe.
 *
 * <p>Memory is bounded: the window is cut into 24 slices, each counting at most {@code capacity}
 * distinct queries per table ({@link BoundedCounts}); old slices are dropped as time passes. Queries
 * are normalised (trimmed, spaces collapsed, lower case). A search-as-you-type page sends every pause
 * in typing as a search, so a search from the same client that extends or shortens the previous one
 * within {@link #TYPING_PAUSE} replaces it: "magn", "magnes", "magnesium" count once, as "magnesium".
 * Clients are told apart for that only, by a salted hash of their address held in memory until the
 * run ends; no address is kept in the counts or written anywhere.
 */
final class SearchAnalytics {

    /** Searches closer together than this, each a prefix of the next, are one typing run. */
    static final Duration TYPING_PAUSE = Duration.ofSeconds(3);
    /** Zero-result queries looked up in the index vocabulary per report (the most frequent ones). */
    static final int MAX_GROUPED = 200;
    private static final int SLICES = 24;
    private static final int MAX_PENDING_CLIENTS = 10_000;
    private static final int FILE_VERSION = 1;

    /** One query and how often it was seen. */
    record QueryCount(String query, long count) {
    }

    /** Zero-result queries that share their nearest indexed word (null: nothing indexed is near). */
    record ZeroResultGroup(String nearestWord, long count, List<QueryCount> queries) {
    }

    /** The {@code GET /api/admin/analytics} body. */
    record Report(String from, String to, long searches, long zeroResultSearches, long questions,
                  long declinedQuestions, Map<String, Long> declinedByReason, boolean approximate,
                  List<QueryCount> topQueries, List<QueryCount> topZeroResultQueries,
                  List<ZeroResultGroup> zeroResultGroups, List<QueryCount> topDeclinedQuestions) {
    }

    /** One time slice's counts; also its saved form. */
    record SavedSlice(long start, long searches, long zeroResults, long questions, Map<String, Long> declinedByReason,
                      Map<String, Long> queries, Map<String, Long> zeroResultQueries,
                      Map<String, Long> declinedQuestions, boolean approximate) {
    }

    /** The file written to the index folder. */
    record SavedAnalytics(int version, long sliceMillis, List<SavedSlice> slices) {
    }

    private static final class Slice {
        final long start;
        long searches;
        long zeroResults;
        long questions;
        final Map<String, Long> declinedByReason = new TreeMap<>();
        final BoundedCounts queries;
        final BoundedCounts zeroResultQueries;
        final BoundedCounts declinedQuestions;

        Slice(long start, int capacity) {
            this.start = start;
            this.queries = new BoundedCounts(capacity);
            this.zeroResultQueries = new BoundedCounts(capacity);
            this.declinedQuestions = new BoundedCounts(capacity);
        }

        boolean approximate() {
            return queries.evicted() || zeroResultQueries.evicted() || declinedQuestions.evicted();
        }
    }

    private record Pending(String query, boolean zero, long at) {
    }

    private final Duration window;
    private final long sliceMillis;
    private final int capacity;
    private final Clock clock;
    private final Path file;
    private final ObjectMapper json;
    private final Deque<Slice> slices = new ArrayDeque<>();
    /** Each client's last search, not yet counted: it may still be the prefix of a longer one. */
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    private final byte[] salt = new byte[16];
    /** SHA-256 that has read {@link #salt}; each client key hashes on a copy of it. */
    private final MessageDigest salted;

    /**
     * @param window   how far back reports look; zero switches analytics off
     * @param capacity distinct queries per table and slice
     * @param file     where {@link #save} and {@link #load} keep the counts, or null for memory only
     */
    SearchAnalytics(Duration window, int capacity, Clock clock, Path file, ObjectMapper json) {
        this.window = window;
        this.sliceMillis = Math.max(60_000, window.toMillis() / SLICES);
        this.capacity = capacity;
        this.clock = clock;
        this.file = file;
        this.json = json;
        new SecureRandom().nextBytes(salt);
        this.salted = sha256();
        salted.update(salt);
    }

    boolean enabled() {
        return !window.isZero();
    }

    /**
     * Counts one finished search or answer; {@code client} identifies a visitor for a few seconds. The
     * query's normal form and the client's key are made before the lock is taken: only the counting waits
     * for other requests.
     */
    void record(SearchOutcome outcome, String client) {
        if (!enabled() || !outcome.firstPage()) {
            return;
        }
        String query = normalise(outcome.query());
        boolean answer = SearchOutcome.ANSWER.equals(outcome.endpoint());
        String key = query.isEmpty() || answer ? null : clientKey(client);
        synchronized (this) {
            long now = clock.millis();
            settle(now);
            if (query.isEmpty()) {
                return;
            }
            if (answer) {
                Slice s = slice(now);
                s.questions++;
                s.queries.add(query, 1);
                if (outcome.declined()) {
                    s.declinedByReason.merge(outcome.declineReason(), 1L, Long::sum);
                    s.declinedQuestions.add(query, 1);
                }
                return;
            }
            Pending next = new Pending(query, outcome.results() == 0, now);
            Pending previous = pending.remove(key);
            if (previous != null && !(previous.query().startsWith(query) || query.startsWith(previous.query()))) {
                commit(previous);
            }
            pending.put(key, next);
            if (pending.size() > MAX_PENDING_CLIENTS) {
                Iterator<Pending> oldest = pending.values().iterator();
                commit(oldest.next());
                oldest.remove();
            }
        }
    }

    /** The address, salted and hashed: enough to tell clients apart, useless to identify one. */
    private String clientKey(String client) {
        MessageDigest sha;
        try {
            // A copy of the digest that has read the salt: cheaper than looking SHA-256 up and salting it again.
            sha = (MessageDigest) salted.clone();
        } catch (CloneNotSupportedException e) {
            sha = sha256();
            sha.update(salt);
        }
        return HexFormat.of().formatHex(sha.digest(String.valueOf(client).getBytes(StandardCharsets.UTF_8)), 0, 12);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Counts the searches whose typing run has ended. */
    private void settle(long now) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (now - p.at() < TYPING_PAUSE.toMillis()) {
                break; // insertion order is time order
            }
            commit(p);
            it.remove();
        }
    }

    private void commit(Pending p) {
        Slice s = slice(p.at());
        s.searches++;
        s.queries.add(p.query(), 1);
        if (p.zero()) {
            s.zeroResults++;
            s.zeroResultQueries.add(p.query(), 1);
        }
    }

    /** The slice for time {@code at}, dropping slices that left the window. */
    private Slice slice(long at) {
        long start = at - Math.floorMod(at, sliceMillis);
        Slice last = slices.peekLast();
        if (last == null || last.start < start) {
            last = new Slice(start, capacity);
            slices.addLast(last);
        }
        // Otherwise a typing run that began before the newest slice: counted in the newest (off by a slice at most).
        expire(clock.millis());
        return last;
    }

    private void expire(long now) {
        while (!slices.isEmpty() && slices.peekFirst().start + sliceMillis <= now - window.toMillis()) {
            slices.removeFirst();
        }
    }

    /**
     * Trimmed, each run of white space one space, lower case: {@code strip().replaceAll("\\s+", " ")}
     * without compiling a pattern for every request.
     */
    static String normalise(String query) {
        if (query == null) {
            return "";
        }
        String stripped = query.strip();
        StringBuilder out = null;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (!space(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < stripped.length() && space(stripped.charAt(end))) {
                end++;
            }
            if (out == null && (c != ' ' || end > i + 1)) {
                out = new StringBuilder(stripped.length()).append(stripped, 0, i);
            }
            if (out != null) {
                out.append(' ');
            }
            i = end - 1;
        }
        return (out == null ? stripped : out.toString()).toLowerCase(Locale.ROOT);
    }

    /** White space as a regular expression's {@code \s} knows it. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The window's top {@code limit} entries per table; zero-result queries grouped via {@code backend}. */
    Report report(int limit, SearchBackend backend) {
        long now;
        long searches = 0;
        long zero = 0;
        long questions = 0;
        boolean approximate = false;
        Map<String, Long> reasons = new TreeMap<>();
        Map<String, Long> queries = new HashMap<>();
        Map<String, Long> zeroQueries = new HashMap<>();
        Map<String, Long> declined = new HashMap<>();
        long from;
        synchronized (this) {
            now = clock.millis();
            settle(now);
            expire(now);
            from = slices.isEmpty() ? now : Math.max(slices.peekFirst().start, now - window.toMillis());
            for (Slice s : slices) {
                searches += s.searches;
                zero += s.zeroResults;
                questions += s.questions;
                approximate |= s.approximate();
                s.declinedByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
                s.queries.counts().forEach((k, v) -> queries.merge(k, v, Long::sum));
                s.zeroResultQueries.counts().forEach((k, v) -> zeroQueries.merge(k, v, Long::sum));
                s.declinedQuestions.counts().forEach((k, v) -> declined.merge(k, v, Long::sum));
            }
        }
        long declinedTotal = reasons.values().stream().mapToLong(Long::longValue).sum();
        // The vocabulary lookups run outside the lock: recording never waits for them.
        List<ZeroResultGroup> groups = group(top(zeroQueries, MAX_GROUPED), backend, limit);
        return new Report(Instant.ofEpochMilli(from).toString(), Instant.ofEpochMilli(now).toString(), searches, zero, questions,
                declinedTotal, reasons, approximate, top(queries, limit), top(zeroQueries, limit), groups,
                top(declined, limit));
    }

    private static List<QueryCount> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new QueryCount(e.getKey(), e.getValue()))
                .toList();
    }

    private static List<ZeroResultGroup> group(List<QueryCount> zeroQueries, SearchBackend backend, int limit) {
        Map<Optional<String>, List<QueryCount>> byWord = new LinkedHashMap<>();
        for (QueryCount q : zeroQueries) {
            byWord.computeIfAbsent(backend.nearestIndexedWord(q.query()), k -> new ArrayList<>()).add(q);
        }
        List<ZeroResultGroup> groups = new ArrayList<>();
        byWord.forEach((word, qs) -> groups.add(new ZeroResultGroup(word.orElse(null),
                qs.stream().mapToLong(QueryCount::count).sum(), List.copyOf(qs.subList(0, Math.min(limit, qs.size()))))));
        groups.sort(Comparator.comparingLong(ZeroResultGroup::count).reversed()
                .thenComparing(ZeroResultGroup::nearestWord, Comparator.nullsLast(Comparator.naturalOrder())));
        return groups.subList(0, Math.min(limit, groups.size()));
    }

    /** Reads counts saved by an earlier run, keeping what is still inside the window; no file, no change. */
    synchronized void load() throws IOException {
        if (file == null || !enabled() || !Files.isRegularFile(file)) {
            return;
        }
        SavedAnalytics saved = json.readValue(file.toFile(), SavedAnalytics.class);
        if (saved.version() != FILE_VERSION || saved.slices() == null) {
            return;
        }
        long now = clock.millis();
        List<SavedSlice> kept = saved.slices().stream()
                .filter(s -> s.start() + saved.sliceMillis() > now - window.toMillis() && s.start() <= now)
                .sorted(Comparator.comparingLong(SavedSlice::start))
                .toList();
        Deque<Slice> restored = new ArrayDeque<>();
        for (SavedSlice s : kept) {
            Slice slice = new Slice(s.start(), capacity);
            slice.searches = s.searches();
            slice.zeroResults = s.zeroResults();
            slice.questions = s.questions();
            if (s.declinedByReason() != null) {
                slice.declinedByReason.putAll(s.declinedByReason());
            }
            restore(slice.queries, s.queries(), s.approximate());
            restore(slice.zeroResultQueries, s.zeroResultQueries(), s.approximate());
            restore(slice.declinedQuestions, s.declinedQuestions(), s.approximate());
            restored.addLast(slice);
        }
        // Slices recorded since start-up (normally none) stay after the restored ones.
        restored.addAll(slices);
        slices.clear();
        slices.addAll(restored);
    }

    private static void restore(BoundedCounts into, Map<String, Long> counts, boolean approximate) {
        if (counts != null) {
            // Most frequent first, so a smaller capacity keeps the top of the saved counts.
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> into.add(e.getKey(), e.getValue()));
        }
        if (approximate) {
            into.markEvicted();
        }
    }

    /** Writes the window's counts (typing runs in progress included) through a temporary file. */
    synchronized void save() throws IOException {
        if (file == null || !enabled()) {
            return;
        }
        pending.values().forEach(this::commit);
        pending.clear();
        expire(clock.millis());
        List<SavedSlice> out = new ArrayList<>();
        for (Slice s : slices) {
            out.add(new SavedSlice(s.start, s.searches, s.zeroResults, s.questions, new TreeMap<>(s.declinedByReason),
                    new TreeMap<>(s.queries.counts()), new TreeMap<>(s.zeroResultQueries.counts()),
                    new TreeMap<>(s.declinedQuestions.counts()), s.approximate()));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        createPrivate(tmp);
        json.writeValue(tmp.toFile(), new SavedAnalytics(FILE_VERSION, sliceMillis, out));
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The file holds what people searched for about their health: readable by the service's user only. */
    private static void createPrivate(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
        }
    }
}
