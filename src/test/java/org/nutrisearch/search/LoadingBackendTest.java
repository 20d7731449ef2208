package org.nutrisearch.search;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stand-in that serves while the index loads. */
class LoadingBackendTest {

    @Test
    void everyBackendMethodIsPassedOnNotLeftToItsDefault() throws Exception {
        // A default method added to SearchBackend would otherwise answer its default (nothing) for
        // the whole life of the server, behind a backend that can do better.
        List<String> notDelegated = new ArrayList<>();
        for (Method m : SearchBackend.class.getMethods()) {
            if (LoadingBackend.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass() != LoadingBackend.class) {
                notDelegated.add(m.getName());
            }
        }
        assertEquals(List.of(), notDelegated);
    }

    @Test
    void callsFailUntilLoadedThenReachTheLoadedBackend() {
        LoadingBackend loading = new LoadingBackend();
        assertFalse(loading.ready());
        assertEquals(Optional.empty(), loading.indexDir());
        assertThrows(IndexNotReadyException.class, () -> loading.search(SearchRequest.of("iron")));
        assertThrows(IndexNotReadyException.class, loading::stats);
        loading.close(); // nothing loaded: nothing to close

        StubBackend stub = new StubBackend();
        loading.load(stub);
        assertTrue(loading.ready());
        assertEquals(new IndexStats(3, 7), loading.stats());
        assertThrows(IllegalStateException.class, () -> loading.load(stub));
        loading.close();
        assertTrue(stub.closed);
    }

    /** Answers fixed counts. */
    static final class StubBackend implements SearchBackend {
        boolean closed;

        @Override
        public SearchResult search(SearchRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<org.nutrisearch.corpus.Article> article(String id) {
            return Optional.empty();
        }

        @Override
        public List<ArticleInfo> articles() {
            return List.of();
        }

        @Override
        public List<Facets.NutrientCount> nutrients() {
            return List.of();
        }

        @Override
        public IndexStats stats() {
            return new IndexStats(3, 7);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
