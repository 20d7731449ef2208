package org.nutrisearch.corpus;

/**
 * One searchable unit of an article: a section, FAQ entry, table row, the summary or a key point.
 *
 * <p>Ids are {@code articleId#localId} with localId one of {@code summary}, {@code keypoint-N},
 * {@code section-N}, {@code faq-N}, {@code table-T-row-R} (1-based, file order), so they are stable
 * while the article's structure is.
 */
public record Unit(String id, UnitKind kind, String articleId, String articleTitle, String source,
                   String heading, String question, String text) {
}
