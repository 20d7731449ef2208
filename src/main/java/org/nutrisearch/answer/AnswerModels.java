package org.nutrisearch.answer;
import org.nutrisearch.search.SearchMode;

/**
 * One confidence model per way of retrieving candidates: the features mean different things when the
 * candidates came by words (search scores are BM25), by meaning (cosines) or both (fused ranks), so each
 * was fitted on candidates retrieved its own way (docs/answer.md).
 *
 * @param lexical  for candidates of a lexical search (also whenever vectors are not available)
 * @param semantic for candidates of a semantic search
 * @param hybrid   for candidates of a hybrid search
 */
public record AnswerModels(AnswerConfidence lexical, AnswerConfidence semantic, AnswerConfidence hybrid) {

    /** The fitted models. */
    public static final AnswerModels FITTED =
            new AnswerModels(AnswerConfidence.DEFAULT, AnswerConfidence.SEMANTIC, AnswerConfidence.HYBRID);

    /** The model for candidates retrieved in {@code mode}. */
    public AnswerConfidence of(SearchMode mode) {
        return switch (mode) {
            case LEXICAL -> lexical;
            case SEMANTIC -> semantic;
            case HYBRID -> hybrid;
        };
    }
}
