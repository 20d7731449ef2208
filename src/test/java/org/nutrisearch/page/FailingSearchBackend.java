package org.nutrisearch.page;

import org.nutrisearch.corpus.Article;

import java.util.List;
import java.util.Optional;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

/** A backend that breaks on one query, so the page's error state can be seen in a browser. */
record FailingSearchBackend(String failingQuery, SearchBackend delegate) implements SearchBackend {

    @Override
    public SearchResult search(SearchRequest request) {
        if (request.query().equals(failingQuery)) {
            throw new IllegalStateException("index unreadable (test)");
        }
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
    public IndexStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
