package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nutrisearch.answer.SynonymCoverage;
import org.nutrisearch.search.suggest.SuggestionIndex;
import org.nutrisearch.search.suggest.SuggestionSources;

/**
 * Turns parsed articles into unit and article documents (nutrients tagged as for the embedded index)
 * and the suggestions search-as-you-type offers, and has {@link OpenSearchIndexer} build and switch to
 * new indexes from them, with the project's synonym file in the search analyzer.
 */
public final class OpenSearchCorpusIndexer {

    private final OpenSearchIndexer indexer;
    private final IndexBuilder documents;
    private final NutrientTagger tagger;
    private final ObjectMapper json;
    private final List<String> synonymLines;

    /**
     * @param json the mapper the backend reads articles back with
     */
    public OpenSearchCorpusIndexer(OpenSearchIndexer indexer, NutrientTagger tagger, ObjectMapper json,
                                   List<String> synonymLines) {
        this.indexer = indexer;
        // Only its nutrient tagging is used: the same ids per unit as in the embedded index.
        this.documents = new IndexBuilder(tagger, json);
        this.tagger = tagger;
        this.json = json;
        this.synonymLines = List.copyOf(synonymLines);
    }

    /** The synonym rules the embedded backend ranks with ({@code nutrients/synonyms.txt}). */
    public static List<String> projectSynonyms() {
        try (InputStream in = OpenSearchCorpusIndexer.class.getResourceAsStream(SynonymCoverage.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SynonymCoverage.RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Indexes {@code articles} into new indexes and switches the aliases to them.
     *
     * @return what was indexed, with the new unit index's size on the cluster (primaries) as bytes
     * @throws BulkIndexingException when the cluster refuses a document; the served indexes are kept
     * @throws OpenSearchUnavailableException when the cluster cannot be reached
     */
    public IndexSummary index(List<Article> articles) {
        long start = System.nanoTime();
        List<UnitDocument> units = new ArrayList<>();
        List<ArticleDocument> stored = new ArrayList<>(articles.size());
        List<SuggestionSources.UnitText> texts = new ArrayList<>();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        Map<String, Integer> byNutrient = new HashMap<>();
        for (UnitKind kind : UnitKind.values()) {
            byKind.put(kind.apiName(), 0);
        }
        for (Article article : articles) {
            stored.add(ArticleDocument.of(article, json));
            for (Unit unit : article.units()) {
                UnitDocument document = UnitDocument.of(unit, documents.nutrientIds(unit));
                units.add(document);
                texts.add(new SuggestionSources.UnitText(unit.heading(), unit.question(), unit.text()));
                byKind.merge(unit.kind().apiName(), 1, Integer::sum);
                document.nutrients().forEach(id -> byNutrient.merge(id, 1, Integer::sum));
            }
        }
        // What search-as-you-type offers, drawn from the units as the embedded backend draws it.
        List<SuggestionIndex.Entry> suggestions = new SuggestionSources().collect(texts, tagger.lexicon(), byNutrient);
        OpenSearchIndexer.Result run = ClusterCalls.run(indexer.alias(),
                () -> indexer.reindex(units, stored, suggestions, synonymLines));
        long bytes = ClusterCalls.run(run.index(), () -> indexer.primaryBytes(run.index()));
        return new IndexSummary(articles.size(), byKind, (System.nanoTime() - start) / 1_000_000, bytes);
    }

    /** The unit alias the indexes go behind. */
    public String alias() {
        return indexer.alias();
    }

    /** True when every alias points to an index: a service can serve without building first. */
    public boolean indexed() {
        return ClusterCalls.run(indexer.alias(), indexer::allAliasesSet);
    }
}
