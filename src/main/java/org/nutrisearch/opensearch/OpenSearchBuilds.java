package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.search.query.WordListVocabulary;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.get.GetResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Reads which build the build alias points to, with its record and vocabulary. The record is read
 * again at most every {@code recheck} (a build switched by another service instance is seen within
 * that time); the vocabulary only when the build changed. Thread-safe.
 */
public final class OpenSearchBuilds {

    /** How often the served build is asked for again by default. */
    public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(1);

    private final OpenSearchClient client;
    private final String alias;
    private final Duration recheck;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    private ServedBuild served;
    private Instant checkedAt = Instant.MIN;

    /** @param alias the build alias ({@code <unit alias>-build}) */
    public OpenSearchBuilds(OpenSearchClient client, String alias, Duration recheck, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.recheck = recheck;
        this.clock = clock;
    }

    public OpenSearchBuilds(OpenSearchClient client, String alias) {
        this(client, alias, DEFAULT_RECHECK, Clock.systemUTC());
    }

    /**
     * The build served now (as of the last check, at most {@code recheck} ago).
     *
     * @throws OpenSearchUnavailableException when the cluster cannot say (or has no build behind the alias)
     */
    public synchronized ServedBuild served() {
        Instant now = clock.instant();
        if (served != null && now.isBefore(checkedAt.plus(recheck))) {
            return served;
        }
        GetResponse<JsonNode> record = ClusterCalls.run(alias,
                () -> client.get(g -> g.index(alias).id(BuildInfo.DOCUMENT_ID), JsonNode.class));
        if (!record.found() || record.source() == null) {
            throw new OpenSearchUnavailableException("the build index '" + alias + "' holds no build record", null, true);
        }
        if (served == null || !served.index().equals(record.index())) {
            BuildInfo info = json.convertValue(record.source().get("build"), BuildInfo.class);
            served = new ServedBuild(record.index(), info, vocabulary(record.index(), info.vocabularyChunks()),
                    topics(record.index(), info.topicChunks()));
        }
        checkedAt = now;
        return served;
    }

    /** Forgets the build read last, so the next call reads it again (after this instance switched builds). */
    public synchronized void refresh() {
        checkedAt = Instant.MIN;
    }

    /** The vocabulary documents of one concrete build index (not the alias: a switch meanwhile must not mix builds). */
    private WordListVocabulary vocabulary(String index, int chunks) {
        Map<String, Integer> words = new HashMap<>();
        for (JsonNode chunk : chunks(index, chunks, BuildInfo::vocabularyDocumentId, "vocabulary")) {
            JsonNode w = chunk.get("words");
            JsonNode c = chunk.get("counts");
            for (int i = 0; i < w.size(); i++) {
                words.put(w.get(i).asText(), c.get(i).asInt());
            }
        }
        return WordListVocabulary.of(words);
    }

    /** The topics documents of one concrete build index, in the order they were written. */
    private List<String> topics(String index, int chunks) {
        List<String> topics = new ArrayList<>();
        for (JsonNode chunk : chunks(index, chunks, BuildInfo::topicsDocumentId, "topics")) {
            chunk.get("names").forEach(name -> topics.add(name.asText()));
        }
        return List.copyOf(topics);
    }

    /** The {@code field} objects of documents {@code 0 … chunks - 1} of one build index, in order (one request). */
    private List<JsonNode> chunks(String index, int chunks, IntFunction<String> documentId, String field) {
        if (chunks == 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            ids.add(documentId.apply(i));
        }
        MgetResponse<JsonNode> docs = ClusterCalls.run(index,
                () -> client.mget(m -> m.index(index).ids(ids), JsonNode.class));
        List<JsonNode> out = new ArrayList<>(chunks);
        for (var item : docs.docs()) {
            GetResult<JsonNode> doc = item.isResult() ? item.result() : null;
            if (doc == null || !doc.found() || doc.source() == null || doc.source().get(field) == null) {
                throw new OpenSearchUnavailableException("build index '" + index + "' lost part of its " + field, null, true);
            }
            out.add(doc.source().get(field));
        }
        return out;
    }
}
