package org.nutrisearch.index;

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

    /** The spell field only needs which documents hold a word: no positions, no norms, not stored. */
    private static final FieldType SPELL_TYPE = spellType();

    private UnitDocuments() {
    }

    /** One unit, with the nutrient ids it mentions (distinct, in first-mention order), without a vector. */
    public static Document unit(Unit unit, List<String> nutrientIds) {
        return unit(unit, nutrientIds, null);
    }

    /**
     * One unit with its embedding ({@code vector}, unit length, or null for none). Dot product equals
     * cosine on unit vectors and is the cheapest similarity for Lucene to compute.
     */
    public static Document unit(Unit unit, List<String> nutrientIds, float[] vector) {
        return unit(unit, nutrientIds, vector, null);
    }

    /**
     * One unit with its embedding and the embedding of the question it answers ({@code questionVector},
     * unit length, or null).
     */
    public static Document unit(Unit unit, List<String> nutrientIds, float[] vector, float[] questionVector) {
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
        doc.add(new TextField(UnitFields.ARTICLE_TITLE, unit.articleTitle(), Field.Store.YES));
        doc.add(new StoredField(UnitFields.SOURCE, unit.source()));
        if (unit.heading() != null) {
            doc.add(new TextField(UnitFields.HEADING, unit.heading(), Field.Store.YES));
        }
        if (unit.question() != null) {
            doc.add(new TextField(UnitFields.QUESTION, unit.question(), Field.Store.YES));
        }
        doc.add(new TextField(UnitFields.TEXT, unit.text(), Field.Store.YES));
        if (unit.focus() != null) {
            doc.add(new StoredField(UnitFields.FOCUS, unit.focus()));
        }
        if (unit.questionType() != null) {
            doc.add(new StringField(UnitFields.QUESTION_TYPE, unit.questionType().apiName(), Field.Store.YES));
        }
        if (unit.heading() != null) {
            doc.add(new Field(UnitFields.SPELL, unit.heading(), SPELL_TYPE));
        }
        if (unit.question() != null) {
            doc.add(new Field(UnitFields.SPELL, unit.question(), SPELL_TYPE));
        }
        doc.add(new Field(UnitFields.SPELL, unit.text(), SPELL_TYPE));
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

    private static FieldType spellType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }
}
