package org.nutrisearch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.nutrients.NutrientMention;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
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
    /** Embeds each unit's {@link PassageText}; null builds a lexical-only index. */
    private final TextEmbedder embedder;
    /** Checked before each unit: a shutdown stops the build within one unit. */
    private final StopSignal stop;

    /** A builder of lexical-only generations (no vectors). */
    public IndexBuilder(NutrientTagger tagger, ObjectMapper json) {
        this(tagger, json, null);
    }

    /**
     * A builder that stores each unit's embedding from {@code embedder} (null: none). Put a vector cache
     * in front of the model: embedding is the slow part of a build, and unchanged texts need not pay it.
     */
    public IndexBuilder(NutrientTagger tagger, ObjectMapper json, TextEmbedder embedder) {
        this(tagger, json, embedder, StopSignal.none());
    }

    /**
     * As {@link #IndexBuilder(NutrientTagger, ObjectMapper, TextEmbedder)}, stopping with
     * {@link StopSignal.Stopped} within one unit once {@code stop} is signalled (nothing is published).
     */
    public IndexBuilder(NutrientTagger tagger, ObjectMapper json, TextEmbedder embedder, StopSignal stop) {
        this.tagger = tagger;
        this.json = json;
        this.embedder = embedder;
        this.stop = stop;
    }

    /** Builds a new generation under {@code generations} from {@code articles} and makes it current. */
    public IndexSummary rebuild(List<Article> articles, IndexGenerations generations, IntConsumer progress)
            throws IOException {
        return rebuild(articles, generations, progress, null);
    }

    /**
     * As {@link #rebuild(List, IndexGenerations, IntConsumer)}, storing {@code manifest} (the corpus as it was
     * before {@code articles} were read from it; null: none) with the generation, so a later start can tell
     * whether the generation still serves the corpus.
     */
    public IndexSummary rebuild(List<Article> articles, IndexGenerations generations, IntConsumer progress,
                                CorpusManifest manifest) throws IOException {
        Path dir = generations.create();
        boolean ok = false;
        try {
            IndexSummary summary = write(articles, dir, progress);
            if (manifest != null) {
                generations.storeManifest(dir, manifest);
            }
            generations.publish(dir);
            ok = true;
            forgetVectorsOfTextsGone(articles);
            return summary;
        } finally {
            if (!ok) {
                generations.remove(dir);
            }
        }
    }

    /**
     * The vector cache keeps what this build holds and nothing else: without this it grew by every text
     * ever embedded (each edited unit, every reindex, for weeks). It only saves time, so a failure here
     * never fails the published build.
     */
    private void forgetVectorsOfTextsGone(List<Article> articles) {
        if (embedder == null) {
            return;
        }
        List<String> passages = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (Article article : articles) {
            for (Unit unit : article.units()) {
                passages.add(PassageText.of(unit));
                if (unit.askedQuestion() != null) {
                    questions.add(unit.askedQuestion());
                }
            }
        }
        try {
            embedder.keepOnly(passages, questions);
        } catch (IOException | UncheckedIOException e) {
            // The cache stays as it was; the next build tries again.
        }
    }

    /**
     * Writes {@code articles} into the empty folder {@code dir}, tagging and adding documents from
     * one thread per core, each with its own {@link UnitWords} (IndexWriter is thread-safe; ties are
     * broken by unit id, so document order does not change results).
     */
    public IndexSummary write(List<Article> articles, Path dir, IntConsumer progress) throws IOException {
        long start = System.nanoTime();
        Map<UnitKind, LongAdder> byKind = new EnumMap<>(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            byKind.put(kind, new LongAdder());
        }
        IndexWriterConfig config = new IndexWriterConfig(TextAnalyzers.indexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(128)
                // A generation is written once, in a few large segments: packing each into a compound
                // file only copies every byte once more (seconds of I/O on a 200 000-unit build).
                .setUseCompoundFile(false);
        AtomicInteger done = new AtomicInteger();
        LongAdder vectors = new LongAdder();
        int threads = threadsFor(articles.size());
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, config)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> parts = new ArrayList<>();
                AtomicInteger next = new AtomicInteger();
                for (int t = 0; t < threads; t++) {
                    parts.add(pool.submit(() -> {
                        UnitWords words = new UnitWords();
                        // Each thread takes the next article not yet taken (articles differ in size by a
                        // hundred times): the threads finish within one article of each other, instead of one
                        // writing and flushing its share alone for seconds after the other is done.
                        for (int i = next.getAndIncrement(); i < articles.size(); i = next.getAndIncrement()) {
                            addArticle(writer, articles.get(i), words, byKind, vectors, done, progress);
                        }
                        // Flush a buffered segment here, in parallel with the other threads: left to
                        // commit(), every buffer would be flushed one after another on one thread.
                        writer.flushNextBuffer();
                        return null;
                    }));
                }
                for (Future<?> part : parts) {
                    await(part);
                }
            } finally {
                pool.shutdownNow();
            }
            if (embedder != null) {
                // Searches check these before running a vector query: a generation embedded by another
                // model (or not at all) must not be compared with this model's query vectors.
                writer.setLiveCommitData(Map.of(UnitFields.COMMIT_VECTOR_MODEL, embedder.modelId(),
                        UnitFields.COMMIT_VECTOR_COUNT, Long.toString(vectors.sum())).entrySet());
            }
            writer.commit();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> counts = new LinkedHashMap<>();
        byKind.forEach((k, n) -> counts.put(k.apiName(), n.intValue()));
        return new IndexSummary(articles.size(), counts, millis, sizeOf(dir), vectors.intValue());
    }

    /** Indexing threads for a build of {@code articles} articles: one per core, no more than articles. */
    public static int threadsFor(int articles) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), articles));
    }

    private void addArticle(IndexWriter writer, Article article, UnitWords words, Map<UnitKind, LongAdder> byKind,
                            LongAdder vectors, AtomicInteger done, IntConsumer progress) throws IOException {
        stop.check();
        writer.addDocument(UnitDocuments.article(article.id(), json.writeValueAsString(article)));
        for (Unit unit : article.units()) {
            stop.check();
            // One text at a time on this indexing thread: the threads are the embedding workers too,
            // and a vector must depend on its text only (never on a batch it was padded into).
            float[] vector = embedder == null ? null : embedder.embedPassage(PassageText.of(unit));
            if (vector != null) {
                vectors.increment();
            }
            String asked = unit.askedQuestion();
            float[] questionVector = embedder == null || asked == null ? null : embedder.embedQuestion(asked);
            writer.addDocument(UnitDocuments.unit(unit, nutrientIds(unit), vector, questionVector, words));
            byKind.get(unit.kind()).increment();
            int n = done.incrementAndGet();
            if (progress != null) {
                progress.accept(n);
            }
        }
    }

    private static void await(Future<?> part) throws IOException {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("indexing failed", e.getCause());
        }
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

    /** Bytes of every file under {@code dir} (a generation's size on disk; also a metric). */
    public static long sizeOf(Path dir) throws IOException {
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
