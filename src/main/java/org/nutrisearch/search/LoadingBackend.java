package org.nutrisearch.search;

import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.Unit;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A backend that exists before its index does: the server starts listening (so the process can be
 * seen to be up) while the index is built or opened, and every call fails with
 * {@link IndexNotReadyException} until {@link #load} hands over the real backend. Thread-safe.
 */
public final class LoadingBackend implements SearchBackend {

    private final AtomicReference<SearchBackend> loaded = new AtomicReference<>();

    /** Serves {@code backend} from now on; only once. */
    public void load(SearchBackend backend) {
        if (!loaded.compareAndSet(null, backend)) {
            throw new IllegalStateException("an index is already loaded");
        }
    }

    private SearchBackend backend() {
        SearchBackend b = loaded.get();
        if (b == null) {
            throw new IndexNotReadyException();
        }
        return b;
    }

    @Override
    public boolean ready() {
        SearchBackend b = loaded.get();
        return b != null && b.ready();
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return backend().search(request);
    }

    @Override
    public Optional<Article> article(String id) {
        return backend().article(id);
    }

    @Override
    public Optional<String> disclaimer(String articleId) {
        return backend().disclaimer(articleId);
    }

    @Override
    public List<ArticleInfo> articles() {
        return backend().articles();
    }

    @Override
    public List<Facets.NutrientCount> nutrients() {
        return backend().nutrients();
    }

    @Override
    public Map<String, Integer> unitFrequencies(Collection<String> terms) {
        return backend().unitFrequencies(terms);
    }

    @Override
    public List<SearchHit> similarQuestions(SearchRequest request) {
        return backend().similarQuestions(request);
    }

    @Override
    public PlannedSearch searchWithQuestions(SearchRequest request, int questions) {
        return backend().searchWithQuestions(request, questions);
    }

    @Override
    public int eachUnit(Predicate<Unit> each) {
        return backend().eachUnit(each);
    }

    @Override
    public List<Snippet> snippets(SearchRequest request, List<Unit> units) {
        return backend().snippets(request, units);
    }

    @Override
    public List<String> topics() {
        return backend().topics();
    }

    @Override
    public IndexStats stats() {
        return backend().stats();
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        return backend().suggest(prefix, limit);
    }

    @Override
    public SearchMode defaultMode() {
        SearchBackend b = loaded.get();
        return b == null ? SearchMode.LEXICAL : b.defaultMode();
    }

    @Override
    public boolean vectorsAvailable() {
        SearchBackend b = loaded.get();
        return b != null && b.vectorsAvailable();
    }

    @Override
    public Optional<IndexBuild> build() {
        SearchBackend b = loaded.get();
        return b == null ? Optional.empty() : b.build();
    }

    @Override
    public Optional<Path> indexDir() {
        SearchBackend b = loaded.get();
        return b == null ? Optional.empty() : b.indexDir();
    }

    @Override
    public Optional<String> nearestIndexedWord(String query) {
        return backend().nearestIndexedWord(query);
    }

    /** Closes the loaded backend, if any. */
    @Override
    public void close() {
        SearchBackend b = loaded.get();
        if (b != null) {
            b.close();
        }
    }
}
