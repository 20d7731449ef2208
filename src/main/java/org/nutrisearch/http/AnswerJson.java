package org.nutrisearch.http;

import org.nutrisearch.corpus.Unit;

import java.util.List;
import org.nutrisearch.answer.AnswerCandidate;
import org.nutrisearch.answer.AnswerResult;
import org.nutrisearch.answer.QuestionAnalysis;
import org.nutrisearch.search.Highlight;

/**
 * The body of {@code /api/answer}: the answer or null, why not, alternatives, the disclaimer and how the
 * candidates were retrieved ({@code mode}: lexical, semantic or hybrid).
 */
record AnswerJson(String question, Candidate answer, List<Candidate> alternatives, String reason, boolean ambiguous,
                  String disclaimer, String mode, Understood understood) {

    /** One candidate answer with the place it comes from. */
    record Candidate(String id, String kind, String text, String snippet, List<Highlight> highlights,
                     List<String> nutrients, String question, double confidence, Citation citation, String focus,
                     String questionType) {

        static Candidate of(AnswerCandidate c) {
            Unit u = c.hit().unit();
            return new Candidate(u.id(), u.kind().apiName(), u.text(), c.hit().snippet().html(),
                    c.hit().snippet().highlights(), c.hit().nutrients(), u.question(),
                    ResultJson.round(c.confidence(), 3), Citation.of(u), u.focus(),
                    u.questionType() == null ? null : u.questionType().apiName());
        }
    }

    /** What the question was read to ask: the asking text, its subject and what it asks about it. */
    record Understood(String asking, String focus, String questionType) {
        static Understood of(QuestionAnalysis q) {
            return q == null ? null : new Understood(q.asking(), q.focus() == null ? null : q.focus().label(),
                    q.type() == null ? null : q.type().apiName());
        }
    }

    /** Where a candidate was found: enough for a bot to say "according to …". */
    record Citation(String articleId, String articleTitle, String heading, String source) {
        static Citation of(Unit u) {
            return new Citation(u.articleId(), u.articleTitle(), u.heading(), u.source());
        }
    }

    static AnswerJson of(AnswerResult r) {
        return new AnswerJson(r.question(), r.answer() == null ? null : Candidate.of(r.answer()),
                r.alternatives().stream().map(Candidate::of).toList(),
                r.reason() == null ? null : r.reason().apiName(), r.ambiguous(), r.disclaimer(), r.mode().apiName(),
                Understood.of(r.analysis()));
    }
}
