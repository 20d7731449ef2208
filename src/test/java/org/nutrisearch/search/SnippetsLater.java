package org.nutrisearch.search;

import org.nutrisearch.corpus.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a backend's hits without snippets ({@link SearchRequest#withoutSnippets()}) against its hits
 * with them: the same units, order, scores, similarities and nutrients, every snippet left out (null), and
 * {@link SearchBackend#snippets} building afterwards exactly the snippets the hits had. Test code, shared
 * by the backends' tests.
 */
public final class SnippetsLater {

    private SnippetsLater() {
    }

    /** What differs for {@code request}'s search; {@code compared} counts the hits compared. */
    public static List<String> searchDifferences(SearchBackend backend, SearchRequest request, int[] compared) {
        SearchResult full = backend.search(request);
        SearchResult bare = backend.search(request.withoutSnippets());
        List<String> differences = new ArrayList<>();
        if (full.mode() != bare.mode() || full.total() != bare.total()) {
            differences.add(request.query() + ": mode/total " + full.mode() + "/" + full.total() + " with snippets, "
                    + bare.mode() + "/" + bare.total() + " without");
        }
        differences.addAll(differences(backend, request.withMode(bare.mode()), full.hits(), bare.hits(), compared));
        return differences;
    }

    /** As {@link #searchDifferences} for {@link SearchBackend#similarQuestions}. */
    public static List<String> similarQuestionDifferences(SearchBackend backend, SearchRequest request, int[] compared) {
        return differences(backend, request, backend.similarQuestions(request),
                backend.similarQuestions(request.withoutSnippets()), compared);
    }

    private static List<String> differences(SearchBackend backend, SearchRequest request, List<SearchHit> full,
                                            List<SearchHit> bare, int[] compared) {
        String label = request.query() + " [" + request.mode() + "]";
        List<String> differences = new ArrayList<>();
        if (full.size() != bare.size()) {
            return List.of(label + ": " + full.size() + " hits with snippets, " + bare.size() + " without");
        }
        List<Unit> units = bare.stream().map(SearchHit::unit).toList();
        List<Snippet> later = backend.snippets(request, units);
        if (later.size() != units.size()) {
            return List.of(label + ": " + later.size() + " snippets built for " + units.size() + " units");
        }
        for (int i = 0; i < full.size(); i++) {
            SearchHit f = full.get(i);
            SearchHit b = bare.get(i);
            if (b.snippet() != null) {
                differences.add(label + ": " + b.unit().id() + " has a snippet though none was asked for");
            }
            if (!f.unit().equals(b.unit()) || f.score() != b.score() || !Objects.equals(f.similarity(), b.similarity())
                    || !Objects.equals(f.questionSimilarity(), b.questionSimilarity())
                    || !f.nutrients().equals(b.nutrients())) {
                differences.add(label + ": hit " + i + " " + f.unit().id() + "/" + f.score() + " with snippets, "
                        + b.unit().id() + "/" + b.score() + " without");
            }
            if (!f.snippet().equals(later.get(i))) {
                differences.add(label + ": snippet of " + f.unit().id() + " in the search " + f.snippet()
                        + ", built later " + later.get(i));
            }
            compared[0]++;
        }
        return differences;
    }
}
