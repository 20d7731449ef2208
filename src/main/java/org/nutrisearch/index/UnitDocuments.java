package org.nutrisearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.nutrisearch.corpus.Unit;

import java.util.List;

/** Turns units and articles into Lucene documents (the schema lives in {@link UnitFields}). */
public final class UnitDocuments {

    /**
     * The spell field only needs which documents hold a word: no positions, no norms, not stored. So its
     * distinct words (replayed by {@link UnitWords}) index exactly as every word of the texts would.
     */
    private static final FieldType SPELL_TYPE = spellType();

    private UnitDocuments() {
    }

    /**
     * One unit, with the nutrient ids it mentions (distinct, in first-mention order), its embedding
     * ({@code vector}, unit length, or null for none; dot product equals cosine on unit vectors and is the
     * cheapest similarity for Lucene to compute) and the embedding of the question it answers
     * ({@code questionVector}, unit length, or null). The words of its heading, question and text are
     * recorded in {@code words} (the calling thread's, cleared here) while the index analyses them, and
     * the spell field replays them: add the document to a writer using {@link TextAnalyzers#indexing()}
     * before building the next one with the same {@code words}.
     */
    public static Document unit(Unit unit, List<String> nutrientIds, float[] vector, float[] questionVector,
                                UnitWords words) {
        words.clear();
        Document doc = new Document();
        doc.add(new StringField(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT, Field.Store.NO));
        doc.add(new StringField(UnitFields.ID, unit.id(), Field.Store.YES));
        // Doc values on id break score ties deterministically.
        doc.add(new SortedDocValuesField(UnitFields.ID, new BytesRef(unit.id())));
        doc.add(new StringField(UnitFields.KIND, unit.kind().apiName(), Field.Store.YES));
        doc.add(new SortedDocValuesField(UnitFields.KIND, new BytesRef(unit.kind().apiName())));
        doc.add(new StringField(UnitFields.ARTICLE_ID, unit.articleId(), Field.Store.YES));
        // Lucene wants one doc-values type per field across all documents (articles sort by it too).
        doc.add(new SortedDocValuesField(UnitFields.ARTICLE_ID, new BytesRef(unit.articleId())));
        doc.add(new AnalysedTextField(UnitFields.ARTICLE_TITLE, unit.articleTitle(), words, false));
        doc.add(new StoredField(UnitFields.SOURCE, unit.source()));
        if (unit.heading() != null) {
            doc.add(new AnalysedTextField(UnitFields.HEADING, unit.heading(), words, true));
        }
        if (unit.question() != null) {
            doc.add(new AnalysedTextField(UnitFields.QUESTION, unit.question(), words, true));
        }
        doc.add(new AnalysedTextField(UnitFields.TEXT, unit.text(), words, true));
        if (unit.focus() != null) {
            doc.add(new StoredField(UnitFields.FOCUS, unit.focus()));
        }
        if (unit.questionType() != null) {
            doc.add(new StringField(UnitFields.QUESTION_TYPE, unit.questionType().apiName(), Field.Store.YES));
        }
        // After heading, question and text: Lucene inverts a document's fields in order, so their words
        // are recorded by the time it reads this one.
        doc.add(new Field(UnitFields.SPELL, words.replay(), SPELL_TYPE));
        for (String id : nutrientIds) {
            doc.add(new StringField(UnitFields.NUTRIENT, id, Field.Store.YES));
            doc.add(new SortedSetDocValuesField(UnitFields.NUTRIENT, new BytesRef(id)));
        }
        if (vector != null) {
            doc.add(new KnnFloatVectorField(UnitFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        if (questionVector != null) {
            doc.add(new KnnFloatVectorField(UnitFields.QUESTION_VECTOR, questionVector,
                    VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    /** One article's display record (its parsed structure as JSON), found by id. */
    public static Document article(String articleId, String articleJson) {
        Document doc = new Document();
        doc.add(new StringField(UnitFields.DOC_TYPE, UnitFields.TYPE_ARTICLE, Field.Store.NO));
        doc.add(new StringField(UnitFields.ARTICLE_ID, articleId, Field.Store.YES));
        doc.add(new SortedDocValuesField(UnitFields.ARTICLE_ID, new BytesRef(articleId)));
        doc.add(new StoredField(UnitFields.ARTICLE_JSON, articleJson));
        return doc;
    }

    /**
     * A stored text field analysed with the indexing thread's {@link UnitWords} ({@link UnitWordsAttribute}, read
     * by the indexing analyzer's {@link EnglishIndexingFilter}): its words are looked up in the thread's
     * {@link AnalysedWords} and, when {@code recording}, recorded for the spell field.
     */
    private static final class AnalysedTextField extends Field {
        private final UnitWords words;
        private final boolean recording;

        AnalysedTextField(String name, String value, UnitWords words, boolean recording) {
            super(name, value, TextField.TYPE_STORED);
            this.words = words;
            this.recording = recording;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            TokenStream stream = super.tokenStream(analyzer, reuse);
            stream.addAttribute(UnitWordsAttribute.class).set(words, recording);
            return stream;
        }
    }

    private static FieldType spellType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }
}
