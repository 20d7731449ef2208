package org.nutrisearch.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of a load as they are met: the first {@value #LISTED} in full, every one counted by reason.
 * A JSON Lines file of ten million bad lines made ten million problems in memory, and a reindex answer of
 * that many lines; now memory and answer are bounded, and the counts stay exact. Not thread-safe.
 */
final class CorpusProblems {

    /** Problems kept in full per load. */
    static final int LISTED = 1000;

    private final List<CorpusProblem> listed = new ArrayList<>();
    private final Map<SkipReason, Long> unlisted = new EnumMap<>(SkipReason.class);

    void add(CorpusProblem problem) {
        if (listed.size() < LISTED) {
            listed.add(problem);
        } else {
            unlisted.merge(problem.reason(), 1L, Long::sum);
        }
    }

    /** Adds everything {@code load} reported, listed or only counted. */
    void addAll(CorpusLoad load) {
        load.problems().forEach(this::add);
        load.unlisted().forEach((reason, n) -> unlisted.merge(reason, n, Long::sum));
    }

    CorpusLoad load(List<Article> articles) {
        return new CorpusLoad(articles, listed, unlisted);
    }
}
