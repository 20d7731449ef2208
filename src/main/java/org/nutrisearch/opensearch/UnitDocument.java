package org.nutrisearch.opensearch;

import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;

import java.util.List;

/**
 * One unit as stored in the OpenSearch index: the unit's fields plus the ids of the nutrients it
 * mentions. Also what {@code _source} reads back as.
 *
 * @param kind         the kind's API name ({@code section}, {@code faq}, …)
 * @param nutrients    canonical nutrient ids, e.g. {@code magnesium}, {@code vitamin-d}
 * @param focus        what the unit is about when its corpus says so (an FAQ pair's focus), else null
 * @param questionType the question type's API name ({@code symptoms}, {@code food-sources}, …), else null
 */
public record UnitDocument(String id, String kind, String articleId, String articleTitle, String source,
                           String heading, String question, String text, List<String> nutrients, String focus,
                           String questionType) {
    public UnitDocument {
        nutrients = nutrients == null ? List.of() : List.copyOf(nutrients);
    }

    /** A document without focus or question type. */
    public UnitDocument(String id, String kind, String articleId, String articleTitle, String source,
                        String heading, String question, String text, List<String> nutrients) {
        this(id, kind, articleId, articleTitle, source, heading, question, text, nutrients, null, null);
    }

    /** The document for a parsed unit and the nutrients it mentions. */
    public static UnitDocument of(Unit unit, List<String> nutrientIds) {
        return new UnitDocument(unit.id(), unit.kind().apiName(), unit.articleId(), unit.articleTitle(),
                unit.source(), unit.heading(), unit.question(), unit.text(), nutrientIds, unit.focus(),
                unit.questionType() == null ? null : unit.questionType().apiName());
    }

    /** The unit this document stores, as the embedded index reads it back. */
    public Unit toUnit() {
        return new Unit(id, UnitKind.fromApiName(kind), articleId, articleTitle, source,
                heading, question, text, focus, QuestionType.fromLabel(questionType));
    }
}
