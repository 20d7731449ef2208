package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.stream.JsonParser;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.CreateIndexRequest;
import org.opensearch.client.opensearch.indices.IndexSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nutrisearch.search.suggest.SuggestionIndex;

/**
 * Settings and mappings of a unit index, from {@code index.json} next to this class, with the
 * layout (shards, replicas) and the synonym rules filled in.
 *
 * <p>The analysis is the embedded index's: standard tokenizer, English possessive, lower case,
 * English stop words, Porter stemmer. Queries analyse with the same chain plus a synonym graph
 * filter after lower-casing, so synonym rules are matched on lower-cased words and then stemmed like
 * everything else (rules may contain stop words).
 */
public final class OpenSearchSchema {

    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String ARTICLE_ID = "articleId";
    public static final String ARTICLE_TITLE = "articleTitle";
    public static final String SOURCE = "source";
    public static final String HEADING = "heading";
    public static final String QUESTION = "question";
    public static final String TEXT = "text";
    public static final String NUTRIENTS = "nutrients";
    /** What the unit is about when its corpus says so (an FAQ pair's focus): stored only. */
    public static final String FOCUS = "focus";
    /** The question type the unit answers ({@code QuestionType.apiName()}), when known. */
    public static final String QUESTION_TYPE = "questionType";
    /** The unit's embedding ({@code knn_vector}, only in builds with vectors). */
    public static final String VECTOR = "vector";
    /**
     * The embedding of the question the unit answers ({@code Unit.askedQuestion()}, embedded as a user's
     * question is): {@code knn_vector}, only in builds with vectors, only on units that ask one.
     */
    public static final String QUESTION_VECTOR = "questionVector";

    /** Analyzer names defined in index.json. */
    public static final String INDEX_ANALYZER = "nutri_english";
    public static final String SEARCH_ANALYZER = "nutri_english_search";
    /** Splits analysed terms on spaces and leaves a position gap for each {@link LuceneQueryTranslator#GAP}. */
    public static final String TERMS_ANALYZER = "nutri_terms";

    static final String RESOURCE = "index.json";
    static final String ARTICLES_RESOURCE = "articles.json";
    static final String SUGGEST_RESOURCE = "suggest.json";
    static final String BUILD_RESOURCE = "build.json";
    /** Completion field of the suggestion index: every word start of a suggestion's keys, normalized. */
    public static final String COMPLETE = "complete";
    private static final String SYNONYM_FILTER = "nutri_synonyms";

    private final ObjectMapper json;
    private final ObjectNode template;
    private final ObjectNode articlesTemplate;
    private final ObjectNode suggestTemplate;
    private final ObjectNode buildTemplate;

    private OpenSearchSchema(ObjectMapper json, ObjectNode template, ObjectNode articlesTemplate,
                             ObjectNode suggestTemplate, ObjectNode buildTemplate) {
        this.json = json;
        this.template = template;
        this.articlesTemplate = articlesTemplate;
        this.suggestTemplate = suggestTemplate;
        this.buildTemplate = buildTemplate;
    }

    /**
     * Reads the bundled {@code index.json} (units), {@code articles.json} (the article store),
     * {@code suggest.json} (search-as-you-type) and {@code build.json} (what a build holds).
     */
    public static OpenSearchSchema load() {
        ObjectMapper json = new ObjectMapper();
        return new OpenSearchSchema(json, read(json, RESOURCE), read(json, ARTICLES_RESOURCE),
                read(json, SUGGEST_RESOURCE), read(json, BUILD_RESOURCE));
    }

    private static ObjectNode read(ObjectMapper json, String resource) {
        try (InputStream in = OpenSearchSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + OpenSearchSchema.class);
            }
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body of a create-index request: {@code {"settings": …, "mappings": …}}.
     *
     * @param synonymLines rules in Solr format ({@code "charley horse, leg cramp"},
     *                     {@code "hypomagnesemia => low magnesium"}); blank lines and {@code #} comments are dropped
     */
    public ObjectNode body(IndexLayout layout, List<String> synonymLines) {
        ObjectNode body = template.deepCopy();
        ObjectNode settings = (ObjectNode) body.get("settings");
        settings.put("number_of_shards", layout.shards());
        settings.put("number_of_replicas", layout.replicas());
        ArrayNode synonyms = ((ObjectNode) settings.at("/analysis/filter/" + SYNONYM_FILTER)).putArray("synonyms");
        rules(synonymLines).forEach(synonyms::add);
        return body;
    }

    /**
     * As {@link #body(IndexLayout, List)}, with {@value #VECTOR} (the units' embeddings) and
     * {@value #QUESTION_VECTOR} (their questions' embeddings) fields of {@code dimension} components
     * (null: none): the k-NN plugin's {@code knn_vector} with the Lucene HNSW engine and cosine
     * similarity, the embedded index's graph and measure.
     */
    public ObjectNode body(IndexLayout layout, List<String> synonymLines, Integer dimension) {
        ObjectNode body = body(layout, synonymLines);
        if (dimension != null) {
            ((ObjectNode) body.get("settings")).put("index.knn", true);
            ObjectNode properties = (ObjectNode) body.at("/mappings/properties");
            for (String field : List.of(VECTOR, QUESTION_VECTOR)) {
                ObjectNode vector = properties.putObject(field);
                vector.put("type", "knn_vector");
                vector.put("dimension", dimension);
                ObjectNode method = vector.putObject("method");
                method.put("name", "hnsw");
                method.put("engine", "lucene");
                method.put("space_type", "cosinesimil");
            }
        }
        return body;
    }

    /** A typed create-index request for {@code index} (the same JSON as {@link #body}). */
    public CreateIndexRequest createRequest(String index, IndexLayout layout, List<String> synonymLines,
                                            JsonpMapper mapper) {
        return typedRequest(index, body(layout, synonymLines), mapper);
    }

    /** A typed create-index request for {@code index} with a vector field of {@code dimension} (null: none). */
    public CreateIndexRequest createRequest(String index, IndexLayout layout, List<String> synonymLines,
                                            Integer dimension, JsonpMapper mapper) {
        return typedRequest(index, body(layout, synonymLines, dimension), mapper);
    }

    private static CreateIndexRequest typedRequest(String index, ObjectNode body, JsonpMapper mapper) {
        IndexSettings settings = parse(body.get("settings").toString(), IndexSettings.class, mapper);
        TypeMapping mappings = parse(body.get("mappings").toString(), TypeMapping.class, mapper);
        return CreateIndexRequest.of(c -> c.index(index).settings(settings).mappings(mappings));
    }

    /**
     * The body of the articles index: one shard (articles are few and read by id), as many replicas
     * as the unit index, so article pages survive the same node failures as searches.
     */
    public ObjectNode articlesBody(IndexLayout layout) {
        ObjectNode body = articlesTemplate.deepCopy();
        ObjectNode settings = (ObjectNode) body.get("settings");
        settings.put("number_of_shards", 1);
        settings.put("number_of_replicas", layout.replicas());
        return body;
    }

    /** A typed create-index request for the articles index {@code index}. */
    public CreateIndexRequest articlesCreateRequest(String index, IndexLayout layout, JsonpMapper mapper) {
        return typedRequest(index, articlesBody(layout), mapper);
    }

    /** The body of the suggestion index: one shard, as many replicas as the unit index. */
    public ObjectNode suggestBody(IndexLayout layout) {
        ObjectNode body = suggestTemplate.deepCopy();
        ObjectNode settings = (ObjectNode) body.get("settings");
        settings.put("number_of_shards", 1);
        settings.put("number_of_replicas", layout.replicas());
        return body;
    }

    /** A typed create-index request for the suggestion index {@code index}. */
    public CreateIndexRequest suggestCreateRequest(String index, IndexLayout layout, JsonpMapper mapper) {
        return typedRequest(index, suggestBody(layout), mapper);
    }

    /** The body of the build index ({@link BuildInfo} and the vocabulary): one shard, as many replicas as the unit index. */
    public ObjectNode buildBody(IndexLayout layout) {
        ObjectNode body = buildTemplate.deepCopy();
        ObjectNode settings = (ObjectNode) body.get("settings");
        settings.put("number_of_shards", 1);
        settings.put("number_of_replicas", layout.replicas());
        return body;
    }

    /** A typed create-index request for the build index {@code index}. */
    public CreateIndexRequest buildCreateRequest(String index, IndexLayout layout, JsonpMapper mapper) {
        return typedRequest(index, buildBody(layout), mapper);
    }

    /**
     * The source of a suggestion: its text, kind, frequency and keys, and as completion inputs every
     * word start of every key, normalized like the embedded suggestions ({@link SuggestionIndex#normalize}),
     * weighted so that kinds come in their order and frequent texts first.
     */
    public Map<String, Object> source(SuggestionIndex.Entry entry) {
        Set<String> inputs = new LinkedHashSet<>();
        for (String key : entry.keys()) {
            String normalized = SuggestionIndex.normalize(key);
            for (int i = 0; i < normalized.length(); i++) {
                if (i == 0 || normalized.charAt(i - 1) == ' ') {
                    inputs.add(normalized.substring(i));
                }
            }
        }
        int kindRank = SuggestionIndex.KINDS.size() - SuggestionIndex.KINDS.indexOf(entry.kind());
        Map<String, Object> complete = new LinkedHashMap<>();
        complete.put("input", new ArrayList<>(inputs));
        complete.put("weight", kindRank * 10_000_000 + Math.min(entry.frequency(), 9_999_999));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("text", entry.text());
        source.put("kind", entry.kind());
        source.put("frequency", entry.frequency());
        source.put("keys", entry.keys());
        source.put(COMPLETE, complete);
        return source;
    }

    /** The source to index for a unit: its fields, as {@code _source} reads back into {@link UnitDocument}. */
    public Map<String, Object> source(UnitDocument unit) {
        @SuppressWarnings("unchecked")
        Map<String, Object> source = json.convertValue(unit, LinkedHashMap.class);
        return source;
    }

    /** As {@link #source(UnitDocument)}, with the unit's embedding (null: none) in {@value #VECTOR}. */
    public Map<String, Object> source(UnitDocument unit, float[] vector) {
        return source(unit, vector, null);
    }

    /**
     * As {@link #source(UnitDocument)}, with the unit's embedding in {@value #VECTOR} and its question's
     * in {@value #QUESTION_VECTOR} (either null: none).
     */
    public Map<String, Object> source(UnitDocument unit, float[] vector, float[] questionVector) {
        Map<String, Object> source = source(unit);
        if (vector != null) {
            source.put(VECTOR, vector);
        }
        if (questionVector != null) {
            source.put(QUESTION_VECTOR, questionVector);
        }
        return source;
    }

    static List<String> rules(List<String> synonymLines) {
        List<String> rules = new ArrayList<>();
        for (String line : synonymLines) {
            String rule = line.strip();
            if (!rule.isEmpty() && !rule.startsWith("#")) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static <T> T parse(String text, Class<T> type, JsonpMapper mapper) {
        try (JsonParser parser = mapper.jsonProvider().createParser(new StringReader(text))) {
            return mapper.deserialize(parser, type);
        }
    }
}
