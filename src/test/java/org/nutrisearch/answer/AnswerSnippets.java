package org.nutrisearch.answer;

import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.Snippet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that an answer's units carry the snippets its candidates' searches give them with snippets (what
 * the answer showed when every candidate came with one): the search for the asking text, then the nearest
 * questions. Test code, shared by the backends' tests.
 */
public final class AnswerSnippets {

    private AnswerSnippets() {
    }

    /**
     * What differs for {@code result}, the answer {@code service} (over {@code backend}) gave to
     * {@code request}; {@code compared} counts the snippets compared.
     */
    public static List<String> differences(SearchBackend backend, AnswerService service, AnswerRequest request,
                                           AnswerResult result, int[] compared) {
        List<AnswerCandidate> shown = new ArrayList<>(result.alternatives());
        if (result.answer() != null) {
            shown.addFirst(result.answer());
        }
        if (shown.isEmpty()) {
            return List.of();
        }
        SearchMode asked = request.mode() == null ? service.defaultMode() : request.mode();
        String text = result.analysis().asking();
        Map<String, Snippet> expected = new HashMap<>();
        for (SearchHit h : backend.search(request(request, text, AnswerService.CANDIDATES, asked)).hits()) {
            expected.putIfAbsent(h.unit().id(), h.snippet());
        }
        if (result.mode().usesVectors()) {
            for (SearchHit h : backend.similarQuestions(request(request, text, AnswerService.QUESTION_CANDIDATES,
                    result.mode()))) {
                expected.putIfAbsent(h.unit().id(), h.snippet());
            }
        }
        List<String> differences = new ArrayList<>();
        for (AnswerCandidate c : shown) {
            Snippet e = expected.get(c.hit().unit().id());
            if (e == null || !e.equals(c.hit().snippet())) {
                differences.add(request.question() + ": snippet of " + c.hit().unit().id() + " " + c.hit().snippet()
                        + ", its search's " + e);
            }
            compared[0]++;
        }
        return differences;
    }

    private static SearchRequest request(AnswerRequest request, String text, int limit, SearchMode mode) {
        return new SearchRequest(text, limit, 0, request.kinds(), request.nutrients(), request.articleId(), null, mode);
    }
}
