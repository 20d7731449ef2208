package org.nutrisearch.opensearch;

import org.nutrisearch.corpus.Unit;

import java.util.List;

/**
 * One unit as stored in the OpenSearch index: the unit's fields plus the ids of the nutrients it
 * mentions. Also what {@code _source} reads back as.
 *
 * @param kind      the kind's API name ({@code section}, {@code faq}, …)
 * @param nutrients canonical nutrient ids, e.g. {@code magnesium}, {@code vitamin-d}
 */
public record UnitDocument(String id, String kind, String articleId, String articleTitle, String source,
                           String heading, String question, String text, List<String> nutrients) {
    public UnitDocument {
        nutrients = nutrients == null ? List.of() : List.copyOf(nutrients);
    }

    /** The document for a parsed unit and the nutrients it mentions. */
    public static UnitDocument of(Unit unit, List<String> nutrientIds) {
        return new UnitDocument(unit.id(), unit.kind().apiName(), unit.articleId(), unit.articleTitle(),
                unit.source(), unit.heading(), unit.question(), unit.text(), nutrientIds);
    }
}
