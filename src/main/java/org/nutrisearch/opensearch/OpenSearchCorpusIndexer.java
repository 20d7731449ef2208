package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.index.PassageText;
import org.nutrisearch.index.SpellingWords;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.search.suggest.SuggestionIndex;
import org.nutrisearch.search.suggest.SuggestionSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns parsed articles into unit and article documents (nutrients tagged as for the embedded index)
 * and the suggestions search-as-you-type offers, and has {@link OpenSearchIndexer} build and switch to
 * new indexes from them, with the project's synonym file in the search analyzer.
 */
public final class OpenSearchCorpusIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchCorpusIndexer.class);

    private final OpenSearchIndexer indexer;
    private final IndexBuilder documents;
    private final NutrientTagger tagger;
    private final ObjectMapper json;
    private final List<String> synonymLines;
    /** Embeds each unit's {@link PassageText} for searches by meaning; null builds lexical indexes. */
    private final TextEmbedder passages;

    /**
     * @param json the mapper the backend reads articles back with
     */
    public OpenSearchCorpusIndexer(OpenSearchIndexer indexer, NutrientTagger tagger, ObjectMapper json,
                                   List<String> synonymLines) {
        this(indexer, tagger, json, synonymLines, null);
    }

    /**
     * An indexer that stores each unit's embedding from {@code passages} (null: none) when the cluster
     * has the k-NN plugin, and builds lexically (saying so in the log) when it has not.
     */
    public OpenSearchCorpusIndexer(OpenSearchIndexer indexer, NutrientTagger tagger, ObjectMapper json,
                                   List<String> synonymLines, TextEmbedder passages) {
        this.passages = passages;
        this.indexer = indexer;
        // Only its nutrient tagging is used: the same ids per unit as in the embedded index.
        this.documents = new IndexBuilder(tagger, json);
        this.tagger = tagger;
        this.json = json;
        this.synonymLines = List.copyOf(synonymLines);
    }

    /** The synonym rules the embedded backend ranks with ({@code nutrients/synonyms.txt}). */
    public static List<String> projectSynonyms() {
        try (InputStream in = OpenSearchCorpusIndexer.class.getResourceAsStream(TextAnalyzers.SYNONYMS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + TextAnalyzers.SYNONYMS_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #index(List, CorpusManifest)} without a corpus manifest (the build does not say what it was built from). */
    public IndexSummary index(List<Article> articles) {
        return index(articles, null);
    }

    /**
     * Indexes {@code articles} into new indexes and switches the aliases to them; the build keeps its
     * vocabulary (for typo corrections) and {@code manifest} (the corpus as it was before it was read;
     * null: unknown).
     *
     * @return what was indexed, with the new unit index's size on the cluster (primaries) as bytes
     * @throws BulkIndexingException when the cluster refuses a document; the served indexes are kept
     * @throws OpenSearchUnavailableException when the cluster cannot be reached
     */
    public IndexSummary index(List<Article> articles, CorpusManifest manifest) {
        long start = System.nanoTime();
        List<UnitDocument> units = new ArrayList<>();
        List<ArticleDocument> stored = new ArrayList<>(articles.size());
        List<SuggestionSources.UnitText> texts = new ArrayList<>();
        SpellingWords words = new SpellingWords();
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
                words.add(unit);
                byKind.merge(unit.kind().apiName(), 1, Integer::sum);
                document.nutrients().forEach(id -> byNutrient.merge(id, 1, Integer::sum));
            }
        }
        // What search-as-you-type offers, drawn from the units as the embedded backend draws it.
        List<SuggestionIndex.Entry> suggestions = new SuggestionSources().collect(texts, tagger.lexicon(), byNutrient);
        BuildContent.UnitVectors vectors = vectors(articles);
        OpenSearchIndexer.Result run = ClusterCalls.run(indexer.alias(),
                () -> indexer.reindex(units, stored, suggestions, synonymLines,
                        new BuildContent(words.unitCounts(), manifest, vectors, topics(articles))));
        long bytes = ClusterCalls.run(run.index(), () -> indexer.primaryBytes(run.index()));
        return new IndexSummary(articles.size(), byKind, (System.nanoTime() - start) / 1_000_000, bytes);
    }

    /**
     * The units' embeddings, or null when there is no model or the cluster cannot store them (no k-NN
     * plugin: the build is lexical, and searches by meaning fall back to lexical with the response saying so).
     */
    private BuildContent.UnitVectors vectors(List<Article> articles) {
        if (passages == null) {
            return null;
        }
        if (!ClusterCalls.run(indexer.alias(), indexer::clusterHasKnn)) {
            LOG.warn("OpenSearch: the cluster has no k-NN plugin ({}) on every node: building '{}' without vectors; "
                    + "semantic and hybrid searches run lexically", OpenSearchIndexer.KNN_PLUGIN, indexer.alias());
            return null;
        }
        List<Unit> all = articles.stream().flatMap(a -> a.units().stream()).toList();
        List<float[]> embedded = passages.embedPassages(all.stream().map(PassageText::of).toList());
        Map<String, float[]> byUnit = new HashMap<>();
        Map<String, float[]> questions = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Unit unit = all.get(i);
            byUnit.put(unit.id(), embedded.get(i));
            // The question a unit answers, embedded as a user's question is (as the embedded index does).
            String asked = unit.askedQuestion();
            if (asked != null) {
                questions.put(unit.id(), passages.embedQuestion(asked));
            }
        }
        return new BuildContent.UnitVectors(passages.modelId(), passages.dimension(), byUnit, questions);
    }

    /**
     * The subjects the units are about, as the embedded backend lists them for the answer service
     * ({@code SearchBackend.topics()}): every unit's article title, focus and heading, stripped, each
     * once, in unit order.
     */
    static List<String> topics(List<Article> articles) {
        Set<String> topics = new LinkedHashSet<>();
        for (Article article : articles) {
            for (Unit unit : article.units()) {
                for (String topic : Arrays.asList(unit.articleTitle(), unit.focus(), unit.heading())) {
                    if (topic != null && !topic.isBlank()) {
                        topics.add(topic.strip());
                    }
                }
            }
        }
        return List.copyOf(topics);
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
