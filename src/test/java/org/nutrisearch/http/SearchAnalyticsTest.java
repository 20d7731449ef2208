package org.nutrisearch.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/** Search analytics over the five bundled articles, on a clock the test moves. */
class SearchAnalyticsTest {

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void index() throws Exception {
        backend = CorpusFixture.openBundled(dir.resolve("index"));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    /** A clock that stands still until moved. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();

    private SearchAnalytics analytics(Duration window, int capacity, Path file) {
        return new SearchAnalytics(window, capacity, clock, file, FixtureIndex.json());
    }

    private static SearchOutcome search(String q, long total) {
        return new SearchOutcome(SearchOutcome.SEARCH, q, true, total, null, null);
    }

    private static List<SearchAnalytics.QueryCount> counts(Object... queryThenCount) {
        List<SearchAnalytics.QueryCount> out = new java.util.ArrayList<>();
        for (int i = 0; i < queryThenCount.length; i += 2) {
            out.add(new SearchAnalytics.QueryCount((String) queryThenCount[i], ((Integer) queryThenCount[i + 1]).longValue()));
        }
        return out;
    }

    @Test
    void queriesAreNormalisedAsTrimmingCollapsingWhiteSpaceAndLowerCasingDid() {
        for (String q : List.of("Magnesium", "  Leg   Cramps  ", "a\tb\n\nc", "x \u000B\f\ry", "\u2003Iron\u00a0 D\u2003",
                "vitamin  b12 ", "", "   ", "\"leg cramps\" -iron", "İstanbul ÇAY", "one two")) {
            assertEquals(q.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT), SearchAnalytics.normalise(q), q);
        }
        assertEquals("", SearchAnalytics.normalise(null));
    }

    @Test
    void aTypingRunCountsOnceAsItsLastQuery() {
        SearchAnalytics a = analytics(Duration.ofHours(24), 100, null);
        a.record(search("magn", 0), "client-1");
        clock.advance(Duration.ofMillis(400));
        a.record(search("Magnes", 0), "client-1");
        clock.advance(Duration.ofMillis(400));
        a.record(search("magnesium  CRAMPS", 27), "client-1");
        // Another visitor typing the same prefix at the same time is a search of its own.
        a.record(search("magn", 0), "client-2");
        clock.advance(Duration.ofSeconds(5));
        SearchAnalytics.Report r = a.report(10, backend);
        assertEquals(2, r.searches());
        assertEquals(1, r.zeroResultSearches());
        assertEquals(counts("magn", 1, "magnesium cramps", 1), r.topQueries());
        assertEquals(counts("magn", 1), r.topZeroResultQueries());
    }

    @Test
    void aDifferentQueryEndsTheRunAtOnceAndLaterPagesAreNotNewSearches() {
        SearchAnalytics a = analytics(Duration.ofHours(24), 100, null);
        a.record(search("iron", 14), "c");
        a.record(new SearchOutcome(SearchOutcome.SEARCH, "iron", false, 14, null, null), "c");
        a.record(search("zinc", 1), "c");
        // "zinc" is still pending: it may yet grow into "zinc deficiency".
        SearchAnalytics.Report r = a.report(10, backend);
        assertEquals(counts("iron", 1), r.topQueries());
        clock.advance(SearchAnalytics.TYPING_PAUSE);
        assertEquals(counts("iron", 1, "zinc", 1), a.report(10, backend).topQueries());
    }

    @Test
    void zeroResultQueriesAreGroupedByTheNearestIndexedWord() {
        SearchAnalytics a = analytics(Duration.ofHours(24), 100, null);
        List<String> typed = List.of("magnesum", "magnesum", "magnesim", "cramsp", "xyzzy", "magnesum");
        for (int i = 0; i < typed.size(); i++) {
            a.record(search(typed.get(i), 0), "client-" + i);
        }
        clock.advance(Duration.ofSeconds(10));
        SearchAnalytics.Report r = a.report(10, backend);
        assertEquals(6, r.zeroResultSearches());
        assertEquals(List.of(
                new SearchAnalytics.ZeroResultGroup("magnesium", 4, counts("magnesum", 3, "magnesim", 1)),
                new SearchAnalytics.ZeroResultGroup("cramps", 1, counts("cramsp", 1)),
                new SearchAnalytics.ZeroResultGroup(null, 1, counts("xyzzy", 1))), r.zeroResultGroups());
    }

    @Test
    void declinedQuestionsAreCountedWithTheirReasons() {
        SearchAnalytics a = analytics(Duration.ofHours(24), 100, null);
        a.record(new SearchOutcome(SearchOutcome.ANSWER, "Can zinc cure cramps?", true, 3, 0.12, "low_confidence"), "c");
        a.record(new SearchOutcome(SearchOutcome.ANSWER, "can zinc cure cramps?", true, 3, 0.10, "low_confidence"), "c");
        a.record(new SearchOutcome(SearchOutcome.ANSWER, "what is the weather", true, 0, null, "no_match"), "c");
        a.record(new SearchOutcome(SearchOutcome.ANSWER, "what causes night cramps?", true, 8, 0.9, null), "c");
        SearchAnalytics.Report r = a.report(10, backend);
        assertEquals(4, r.questions());
        assertEquals(3, r.declinedQuestions());
        assertEquals(Map.of("low_confidence", 2L, "no_match", 1L), r.declinedByReason());
        assertEquals(counts("can zinc cure cramps?", 2, "what is the weather", 1), r.topDeclinedQuestions());
    }

    @Test
    void countsOlderThanTheWindowDropOut() {
        SearchAnalytics a = analytics(Duration.ofHours(2), 100, null);
        a.record(search("iron", 14), "a");
        clock.advance(Duration.ofMinutes(90));
        a.record(search("calcium", 49), "b");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(2, a.report(10, backend).searches());
        clock.advance(Duration.ofMinutes(45)); // "iron" is now 2h15m old
        SearchAnalytics.Report r = a.report(10, backend);
        assertEquals(counts("calcium", 1), r.topQueries());
        assertEquals(1, r.searches());
    }

    @Test
    void memoryIsBoundedAndTheReportSaysWhenCountsAreApproximate() {
        SearchAnalytics a = analytics(Duration.ofHours(24), 10, null);
        for (int i = 0; i < 10; i++) {
            a.record(search("iron", 14), "repeat-" + i);
        }
        for (int i = 0; i < 50; i++) {
            a.record(search("rare query " + i, 1), "client-" + i);
        }
        clock.advance(Duration.ofSeconds(10));
        SearchAnalytics.Report r = a.report(100, backend);
        assertEquals(60, r.searches());
        assertTrue(r.approximate());
        assertEquals(10, r.topQueries().size(), "at most the capacity of distinct queries per slice");
        // A query seen more often than searches/capacity is never dropped, and here never over-counted.
        assertEquals(new SearchAnalytics.QueryCount("iron", 10), r.topQueries().get(0));
    }

    @Test
    void savedCountsAreReadBackByTheNextRunAndTheFileIsPrivate() throws Exception {
        Path file = dir.resolve("analytics.json");
        SearchAnalytics first = analytics(Duration.ofHours(24), 100, file);
        first.record(search("iron", 14), "a");
        first.record(search("magnesum", 0), "b");
        first.record(new SearchOutcome(SearchOutcome.ANSWER, "can zinc cure cramps?", true, 3, 0.1, "low_confidence"), "c");
        first.save();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        clock.advance(Duration.ofHours(1));
        SearchAnalytics second = analytics(Duration.ofHours(24), 100, file);
        second.load();
        SearchAnalytics.Report r = second.report(10, backend);
        assertEquals(2, r.searches());
        assertEquals(1, r.zeroResultSearches());
        assertEquals(counts("can zinc cure cramps?", 1), r.topDeclinedQuestions());
        assertEquals(counts("magnesum", 1), r.topZeroResultQueries());
        assertFalse(r.approximate());

        clock.advance(Duration.ofHours(25));
        SearchAnalytics third = analytics(Duration.ofHours(24), 100, file);
        third.load();
        assertEquals(0, third.report(10, backend).searches(), "a day later everything saved is outside the window");
    }

    @Test
    void aZeroWindowKeepsNothing() {
        SearchAnalytics a = analytics(Duration.ZERO, 100, null);
        assertFalse(a.enabled());
        a.record(search("iron", 14), "a");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(0, a.report(10, backend).searches());
    }
}
