package org.nutrisearch.http;

import org.nutrisearch.corpus.Unit;

import java.util.List;
import org.nutrisearch.search.Highlight;
import org.nutrisearch.search.SearchHit;

/** One search result as the API shows it. */
record ResultJson(String id, String kind, ArticleRef article, String heading, String question, String text,
                  String snippet, List<Highlight> highlights, List<String> nutrients, double score,
                  Double similarity) {

    /** The article a unit belongs to. */
    record ArticleRef(String id, String title, String source) {
        static ArticleRef of(Unit unit) {
            return new ArticleRef(unit.articleId(), unit.articleTitle(), unit.source());
        }
    }

    static ResultJson of(SearchHit hit) {
        Unit u = hit.unit();
        return new ResultJson(u.id(), u.kind().apiName(), ArticleRef.of(u), u.heading(), u.question(), u.text(),
                hit.snippet().html(), hit.snippet().highlights(), hit.nutrients(), round(hit.score(), 4),
                hit.similarity() == null ? null : round(hit.similarity(), 4));
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
