package org.nutrisearch.corpus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of loading a corpus: the articles that loaded, in load order, and everything left out.
 *
 * @param articles the articles, ids unique
 * @param problems files and lines left out, in the order they were met: the first thousand
 * @param unlisted the problems beyond those, counted by reason (memory stays bounded whatever a file holds)
 */
public record CorpusLoad(List<Article> articles, List<CorpusProblem> problems, Map<SkipReason, Long> unlisted) {

    public CorpusLoad {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
        unlisted = Map.copyOf(unlisted);
    }

    /** A load whose problems are all listed. */
    public CorpusLoad(List<Article> articles, List<CorpusProblem> problems) {
        this(articles, problems, Map.of());
    }

    /** How many problems there were of each reason, in {@link SkipReason} order; reasons with none are absent. */
    public Map<SkipReason, Long> countsByReason() {
        Map<SkipReason, Long> counts = problems.stream().collect(Collectors.groupingBy(CorpusProblem::reason,
                () -> new EnumMap<>(SkipReason.class), Collectors.counting()));
        unlisted.forEach((reason, n) -> counts.merge(reason, n, Long::sum));
        return counts;
    }

    /** How many problems had this reason. */
    public long count(SkipReason reason) {
        return problems.stream().filter(p -> p.reason() == reason).count() + unlisted.getOrDefault(reason, 0L);
    }

    /** How many problems there were in all, listed or not. */
    public long problemCount() {
        return problems.size() + unlisted.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The searchable units of all articles, article by article. */
    public List<Unit> units() {
        return articles.stream().flatMap(a -> a.units().stream()).toList();
    }

    /** One line for logs: "5 articles, 2 problems (EMPTY 1, MALFORMED_LINE 1)". */
    public String summary() {
        String text = articles.size() + " articles, " + problemCount() + " problems";
        if (problemCount() == 0) {
            return text;
        }
        return text + countsByReason().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
