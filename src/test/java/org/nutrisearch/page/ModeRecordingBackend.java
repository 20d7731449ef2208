package org.nutrisearch.page;

import org.nutrisearch.corpus.Article;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.Suggestion;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A backend that remembers each search's query and the mode it asked for (null: the default), in order. */
final class ModeRecordingBackend implements SearchBackend {

    /** One search as the page asked for it. */
    record Asked(String query, SearchMode mode) {
    }

    private final SearchBackend delegate;
    final List<Asked> searches = new CopyOnWriteArrayList<>();

    ModeRecordingBackend(SearchBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        searches.add(new Asked(request.query(), request.mode()));
        return delegate.search(request);
    }

    @Override
    public Optional<Article> article(String id) {
        return delegate.article(id);
    }

    @Override
    public List<ArticleInfo> articles() {
        return delegate.articles();
    }

    @Override
    public List<Facets.NutrientCount> nutrients() {
        return delegate.nutrients();
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        return delegate.suggest(prefix, limit);
    }

    @Override
    public SearchMode defaultMode() {
        return delegate.defaultMode();
    }

    @Override
    public boolean vectorsAvailable() {
        return delegate.vectorsAvailable();
    }

    @Override
    public IndexStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
