package org.nutrisearch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.index.IndexGenerations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whether the served index must be rebuilt is decided by what the corpus holds (paths, sizes, contents), not
 * by modification times: a deleted article must disappear after a restart, an article copied in with an
 * old time ({@code cp -p}, {@code rsync -a}, {@code tar}) must appear.
 */
class IndexInStepWithCorpusTest {

    @TempDir
    Path dir;

    private Path corpus() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "Magnesium\n\nMagnesium relaxes muscles.\n");
        Files.writeString(corpus.resolve("b.txt"), "Iron\n\nIron carries oxygen.\n");
        return corpus;
    }

    private static void build(Path corpus, Path index) throws Exception {
        Services services = Services.create();
        CorpusManifest manifest = CorpusManifest.scan(corpus);
        services.rebuild(services.loadCorpus(corpus), manifest, index, null, null);
    }

    private static Optional<String> whyRebuild(Path corpus, Path index) throws Exception {
        return Services.whyRebuild(CorpusManifest.scan(corpus), index);
    }

    @Test
    void anUnchangedCorpusIsServedAsBuiltWhateverTheTimesSay() throws Exception {
        Path corpus = corpus();
        Path index = dir.resolve("index");
        assertEquals(Optional.of("there is no index yet"), whyRebuild(corpus, index));
        build(corpus, index);
        assertEquals(Optional.empty(), whyRebuild(corpus, index));
        Files.setLastModifiedTime(corpus.resolve("a.txt"), FileTime.from(Instant.now().plusSeconds(86_400)));
        assertEquals(Optional.empty(), whyRebuild(corpus, index), "a touched file is not a change");
    }

    @Test
    void aDeletedArticleOrOneCopiedInWithAnOldTimeIsAChange() throws Exception {
        Path corpus = corpus();
        Path index = dir.resolve("index");
        build(corpus, index);

        Files.delete(corpus.resolve("b.txt"));
        assertEquals(Optional.of("the corpus changed: 1 removed"), whyRebuild(corpus, index));
        build(corpus, index);

        Path copied = Files.writeString(corpus.resolve("c.txt"), "Potassium\n\nBananas have potassium.\n");
        Files.setLastModifiedTime(copied, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        assertEquals(Optional.of("the corpus changed: 1 added"), whyRebuild(corpus, index));
    }

    @Test
    void anIndexBuiltWithoutAManifestIsRebuiltOnce() throws Exception {
        Path corpus = corpus();
        Path index = dir.resolve("index");
        Services services = Services.create();
        services.rebuild(services.loadCorpus(corpus), null, index, null, null);
        assertEquals(Optional.of("the index does not say which corpus it was built from"), whyRebuild(corpus, index));
        build(corpus, index);
        assertEquals(Optional.empty(), whyRebuild(corpus, index));
        assertEquals(1, new IndexGenerations(index).manifest(new IndexGenerations(index).current().orElseThrow())
                .orElseThrow().files().stream().filter(f -> f.path().equals("a.txt")).count());
    }
}
