package org.nutrisearch.search.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.query.QueryTerms;
import org.nutrisearch.search.snippet.SnippetBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The page of a search as hits: each unit read from its stored fields and prepared for snippets (or
 * taken from the generation's {@link ShownUnits}), with the query's snippet when the request wants one.
 */
final class Hits {

    private Hits() {
    }

    /**
     * The page's hits; without {@code withSnippets} each hit's snippet is null and a unit not kept is read
     * from its stored fields alone (not prepared for snippets) and kept as read. A unit kept as read is not
     * read again to be prepared for a snippet.
     */
    static List<SearchHit> read(ServedGeneration generation, List<Retrieved.Ranked> page, QueryTerms marks,
                                SnippetBuilder snippets, boolean withSnippets) throws IOException {
        List<SearchHit> hits = new ArrayList<>(page.size());
        StoredFields stored = null;
        ShownUnits shown = generation.shownUnits();
        for (Retrieved.Ranked r : page) {
            ShownUnits.Shown unit = shown.get(r.doc());
            if (unit == null) {
                ShownUnits.Read read = shown.getRead(r.doc());
                if (read == null) {
                    if (stored == null) {
                        stored = generation.searcher().storedFields();
                    }
                    // Kept as read for a hit without snippet; prepared and kept as shown (below) for one with.
                    read = withSnippets ? read(stored, r.doc()) : readAndKeep(shown, stored, r.doc());
                }
                if (!withSnippets) {
                    hits.add(new SearchHit(read.unit(), null, read.nutrients(), r.score(), r.similarity(),
                            r.questionSimilarity()));
                    continue;
                }
                unit = new ShownUnits.Shown(read.unit(), read.nutrients(), snippets.prepare(read.unit().text()));
                shown.put(r.doc(), unit);
            }
            hits.add(new SearchHit(unit.unit(), withSnippets ? snippets.build(unit.snippet(), marks) : null,
                    unit.nutrients(), r.score(), r.similarity(), r.questionSimilarity()));
        }
        return hits;
    }

    /** Reads the unit of document {@code doc} from {@code stored} and keeps it in {@code shown} as read. */
    static ShownUnits.Read readAndKeep(ShownUnits shown, StoredFields stored, int doc) throws IOException {
        ShownUnits.Read read = read(stored, doc);
        shown.putRead(doc, read);
        return read;
    }

    /** The unit of document {@code doc} and its nutrients, from {@code stored}. */
    private static ShownUnits.Read read(StoredFields stored, int doc) throws IOException {
        Document document = stored.document(doc);
        return new ShownUnits.Read(unitOf(document), nutrientsOf(document));
    }

    static Unit unitOf(Document doc) {
        return new Unit(doc.get(UnitFields.ID), UnitKind.fromApiName(doc.get(UnitFields.KIND)),
                doc.get(UnitFields.ARTICLE_ID), doc.get(UnitFields.ARTICLE_TITLE), doc.get(UnitFields.SOURCE),
                doc.get(UnitFields.HEADING), doc.get(UnitFields.QUESTION), doc.get(UnitFields.TEXT),
                doc.get(UnitFields.FOCUS), QuestionType.fromLabel(doc.get(UnitFields.QUESTION_TYPE)));
    }

    static List<String> nutrientsOf(Document doc) {
        List<String> ids = new ArrayList<>();
        for (IndexableField f : doc.getFields(UnitFields.NUTRIENT)) {
            ids.add(f.stringValue());
        }
        return ids;
    }
}
