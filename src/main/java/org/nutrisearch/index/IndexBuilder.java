package org.nutrisearch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.nutrients.NutrientMention;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Writes articles into a new index generation and publishes it.
 *
 * <p>Nothing is published unless the whole build committed: the previous generation stays served
 * if this one fails or the process dies.
 */
public final class IndexBuilder {

    private final NutrientTagger tagger;
    private final ObjectMapper json;

    public IndexBuilder(NutrientTagger tagger, ObjectMapper json) {
        this.tagger = tagger;
        this.json = json;
    }

    /** Builds a new generation under {@code generations} from {@code articles} and makes it current. */
    public IndexSummary rebuild(List<Article> articles, IndexGenerations generations, IntConsumer progress)
            throws IOException {
        Path dir = generations.create();
        boolean ok = false;
        try {
            IndexSummary summary = write(articles, dir, progress);
            generations.publish(dir);
            ok = true;
            return summary;
        } finally {
            if (!ok) {
                generations.remove(dir);
            }
        }
    }

    /** Writes {@code articles} into the empty folder {@code dir}. */
    public IndexSummary write(List<Article> articles, Path dir, IntConsumer progress) throws IOException {
        long start = System.nanoTime();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (UnitKind kind : UnitKind.values()) {
            byKind.put(kind.apiName(), 0);
        }
        IndexWriterConfig config = new IndexWriterConfig(TextAnalyzers.indexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(128);
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, config)) {
            int done = 0;
            for (Article article : articles) {
                writer.addDocument(UnitDocuments.article(article.id(), json.writeValueAsString(article)));
                for (Unit unit : article.units()) {
                    writer.addDocument(UnitDocuments.unit(unit, nutrientIds(unit)));
                    byKind.merge(unit.kind().apiName(), 1, Integer::sum);
                    done++;
                    if (progress != null) {
                        progress.accept(done);
                    }
                }
            }
            writer.commit();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new IndexSummary(articles.size(), byKind, millis, sizeOf(dir));
    }

    /** Distinct nutrient ids a unit mentions, in first-mention order (heading, question, then text). */
    public List<String> nutrientIds(Unit unit) {
        Set<String> ids = new LinkedHashSet<>();
        for (String part : new String[] {unit.heading(), unit.question(), unit.text()}) {
            if (part != null) {
                for (NutrientMention m : tagger.tag(part)) {
                    ids.add(m.nutrientId());
                }
            }
        }
        return new ArrayList<>(ids);
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
