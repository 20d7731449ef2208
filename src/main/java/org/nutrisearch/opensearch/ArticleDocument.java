package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One article as stored in the articles index next to the unit index: what {@code /api/articles}
 * lists (id, title, source, units by kind) and the parsed article itself, kept as JSON (stored, not
 * searched) so {@code /api/articles/{id}} answers from the cluster like from the embedded index.
 *
 * @param counts  units by kind API name, every kind present (0 when the article has none)
 * @param article the {@link Article} as the project's JSON mapper writes it
 */
public record ArticleDocument(String id, String title, String source, Map<String, Integer> counts,
                              Map<String, Object> article) {
    public ArticleDocument {
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        article = article == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(article));
    }

    /** The document of {@code article}, converted to JSON with {@code json} (the mapper that reads it back). */
    @SuppressWarnings("unchecked")
    public static ArticleDocument of(Article article, ObjectMapper json) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (UnitKind kind : UnitKind.values()) {
            counts.put(kind.apiName(), 0);
        }
        for (Unit unit : article.units()) {
            counts.merge(unit.kind().apiName(), 1, Integer::sum);
        }
        return new ArticleDocument(article.id(), article.title(), article.source(), counts,
                json.convertValue(article, LinkedHashMap.class));
    }

    /** The parsed article, read back with the mapper that wrote it. */
    public Article toArticle(ObjectMapper json) {
        return json.convertValue(article, Article.class);
    }
}
