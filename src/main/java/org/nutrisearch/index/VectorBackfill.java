package org.nutrisearch.index;

import org.nutrisearch.corpus.Unit;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.index.PassageText;
import org.nutrisearch.index.UnitFields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Fills in the vectors of an index that was built lexically (a large corpus is searchable long before
 * it is embedded): embeds every served unit's passage into the vector cache, a chunk at a time, while
 * searches go on; then rebuilds the index, which now finds every vector in the cache, and switches.
 */
public final class VectorBackfill {

    /** Passages read from the index at a time: one chunk of texts is in memory at a time. */
    static final int CHUNK = 64;
    /**
     * Passages embedded per call: enough to keep the embedding workers busy (each takes the next text), few
     * enough that a shutdown waits for little: on a busy machine a long answer took a quarter of a second,
     * and a chunk of 64 kept a SIGTERM waiting 19 s.
     */
    static final int SLICE = 4;
    // Constant score: every unit ties, so paging after the last one goes by doc id.
    private static final Query UNITS =
            new ConstantScoreQuery(new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT)));
    private static final Set<String> PASSAGE_FIELDS =
            Set.of(UnitFields.ARTICLE_TITLE, UnitFields.HEADING, UnitFields.QUESTION, UnitFields.TEXT);

    /** One chunk of passages and where the next starts. */
    private record Chunk(List<String> passages, List<String> questions, ScoreDoc last) {
    }

    private final LiveIndex live;
    private final TextEmbedder cachedEmbedder;
    private final CorpusReindexer reindexer;
    private final StopSignal stop;

    /**
     * @param cachedEmbedder the model behind the vector cache that the reindexer's builder reads, so the
     *                       rebuild finds every vector and embeds nothing twice
     */
    public VectorBackfill(LiveIndex live, TextEmbedder cachedEmbedder, CorpusReindexer reindexer) {
        this(live, cachedEmbedder, reindexer, StopSignal.none());
    }

    /** As above, stopping with {@link StopSignal.Stopped} between chunks once {@code stop} is signalled. */
    public VectorBackfill(LiveIndex live, TextEmbedder cachedEmbedder, CorpusReindexer reindexer, StopSignal stop) {
        this.live = live;
        this.cachedEmbedder = cachedEmbedder;
        this.reindexer = reindexer;
        this.stop = stop;
    }

    /**
     * Embeds every unit of the served generation, telling {@code total} the unit count first and
     * {@code progress} the units done after each chunk, then rebuilds and switches. A unit the corpus
     * gained meanwhile is embedded by the rebuild itself.
     */
    public Reindexer.Report run(IntConsumer total, IntConsumer progress) throws IOException, CorpusException {
        total.accept(live.search(searcher -> searcher.count(UNITS)));
        int done = 0;
        ScoreDoc after = null;
        while (true) {
            stop.check();
            Chunk chunk = next(after);
            if (chunk.passages().isEmpty()) {
                break;
            }
            List<String> passages = chunk.passages();
            for (int from = 0; from < passages.size(); from += SLICE) {
                stop.check();
                List<String> slice = passages.subList(from, Math.min(passages.size(), from + SLICE));
                cachedEmbedder.embedPassages(slice);
                done += slice.size();
                progress.accept(done);
            }
            chunk.questions().forEach(cachedEmbedder::embedQuestion);
            after = chunk.last();
        }
        stop.check();
        return reindexer.reindex();
    }

    /**
     * The passages of the units after {@code after}, in doc-id order: only one chunk of texts is in memory
     * at a time (200 000 units of text would take a good part of the heap).
     */
    private Chunk next(ScoreDoc after) {
        return live.search(searcher -> {
            TopDocs top = searcher.searchAfter(after, UNITS, CHUNK);
            List<String> passages = new ArrayList<>(top.scoreDocs.length);
            List<String> questions = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = searcher.storedFields().document(sd.doc, PASSAGE_FIELDS);
                passages.add(PassageText.of(doc.get(UnitFields.ARTICLE_TITLE), doc.get(UnitFields.HEADING),
                        doc.get(UnitFields.QUESTION), doc.get(UnitFields.TEXT)));
                String asked = Unit.askedQuestion(doc.get(UnitFields.HEADING), doc.get(UnitFields.QUESTION));
                if (asked != null) {
                    questions.add(asked);
                }
            }
            ScoreDoc last = top.scoreDocs.length == 0 ? after : top.scoreDocs[top.scoreDocs.length - 1];
            return new Chunk(passages, questions, last);
        });
    }
}
