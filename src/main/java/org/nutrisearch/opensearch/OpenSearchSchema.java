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
    /** Completion field: the title, heading and question of a unit as suggestions. */
    public static final String SUGGEST = "suggest";

    /** Analyzer names defined in index.json. */
    public static final String INDEX_ANALYZER = "nutri_english";
    public static final String SEARCH_ANALYZER = "nutri_english_search";

    static final String RESOURCE = "index.json";
    private static final String SYNONYM_FILTER = "nutri_synonyms";

    private final ObjectMapper json;
    private final ObjectNode template;

    private OpenSearchSchema(ObjectMapper json, ObjectNode template) {
        this.json = json;
        this.template = template;
    }

    /** Reads the bundled {@code index.json}. */
    public static OpenSearchSchema load() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = OpenSearchSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + OpenSearchSchema.class);
            }
            return new OpenSearchSchema(json, (ObjectNode) json.readTree(in));
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

    /** A typed create-index request for {@code index} (the same JSON as {@link #body}). */
    public CreateIndexRequest createRequest(String index, IndexLayout layout, List<String> synonymLines,
                                            JsonpMapper mapper) {
        ObjectNode body = body(layout, synonymLines);
        IndexSettings settings = parse(body.get("settings").toString(), IndexSettings.class, mapper);
        TypeMapping mappings = parse(body.get("mappings").toString(), TypeMapping.class, mapper);
        return CreateIndexRequest.of(c -> c.index(index).settings(settings).mappings(mappings));
    }

    /**
     * The source to index for a unit: its fields plus the completion inputs (title, heading,
     * question; each once).
     */
    public Map<String, Object> source(UnitDocument unit) {
        @SuppressWarnings("unchecked")
        Map<String, Object> source = json.convertValue(unit, LinkedHashMap.class);
        Set<String> inputs = new LinkedHashSet<>();
        for (String s : new String[] {unit.articleTitle(), unit.heading(), unit.question()}) {
            if (s != null && !s.isBlank()) {
                inputs.add(s.strip());
            }
        }
        source.put(SUGGEST, new ArrayList<>(inputs));
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
