package org.nutrisearch.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A manifest says what a corpus holds by content: times do not matter, files added, removed or changed do. */
class CorpusManifestTest {

    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "Magnesium\n\nMagnesium relaxes muscles.\n");
        Files.writeString(corpus.resolve("b.md"), "# Iron\n\nIron carries oxygen.\n");
        Files.writeString(corpus.resolve("c.jsonl"), "{\"id\":\"c\",\"title\":\"C\",\"text\":\"Calcium.\"}\n");
        return corpus;
    }

    @Test
    void listsTheFilesTheLoaderReadsWithSizeAndHash() throws Exception {
        Path corpus = corpus();
        Files.writeString(corpus.resolve("notes.pdf"), "%PDF");
        Files.writeString(corpus.resolve(".hidden.txt"), "hidden");
        Files.createDirectory(corpus.resolve("sub.txt"));

        CorpusManifest manifest = CorpusManifest.scan(corpus);

        assertEquals(List.of("a.txt", "b.md", "c.jsonl"), manifest.files().stream().map(CorpusManifest.File::path).toList());
        CorpusManifest.File a = manifest.files().getFirst();
        assertEquals(38, a.size());
        // printf 'Magnesium\n\nMagnesium relaxes muscles.\n' | sha256sum
        assertEquals("31fed99a732ab81006e4f455b45b11142dab192fd5050c77f81030556fcfdac9", a.sha256());
        assertEquals(CorpusManifest.scan(corpus), manifest, "scanning again gives the same manifest");
    }

    @Test
    void modificationTimesDoNotCountContentDoes() throws Exception {
        Path corpus = corpus();
        CorpusManifest built = CorpusManifest.scan(corpus);

        Files.setLastModifiedTime(corpus.resolve("a.txt"), FileTime.from(Instant.now().plusSeconds(3600)));
        assertTrue(CorpusManifest.scan(corpus).changesSince(built).none(), "touching a file changes nothing");

        // cp -p / rsync -a / tar: a new file whose time is older than the index.
        Path copied = Files.writeString(corpus.resolve("d.txt"), "Potassium\n\nBananas have potassium.\n");
        Files.setLastModifiedTime(copied, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        Files.delete(corpus.resolve("b.md"));
        // Same size, other content, old time again.
        Files.writeString(corpus.resolve("a.txt"), "Magnesium\n\nMagnesium relaxes muscleZ.\n");
        Files.setLastModifiedTime(corpus.resolve("a.txt"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));

        CorpusManifest.Changes changes = CorpusManifest.scan(corpus).changesSince(built);
        assertEquals(new CorpusManifest.Changes(List.of("d.txt"), List.of("b.md"), List.of("a.txt")), changes);
        assertEquals("1 added, 1 removed, 1 changed", changes.summary());
        assertNotEquals(built.digest(), CorpusManifest.scan(corpus).digest());
    }

    @Test
    void linksOutOfTheFolderAndPipesAreNotPartOfIt() throws Exception {
        Path corpus = corpus();
        Path outside = Files.writeString(dir.resolve("secret.txt"), "Secret\n\nNot an article.\n");
        Files.createSymbolicLink(corpus.resolve("x.txt"), outside);
        Files.createSymbolicLink(corpus.resolve("inside.txt"), corpus.resolve("a.txt"));
        Fifo.make(corpus.resolve("pipe.txt"));

        CorpusManifest manifest = CorpusManifest.scan(corpus);

        assertEquals(List.of("a.txt", "b.md", "c.jsonl", "inside.txt"),
                manifest.files().stream().map(CorpusManifest.File::path).toList());
        assertEquals(manifest.files().get(0).sha256(), manifest.files().get(3).sha256(), "a link inside is read");
    }

    @Test
    void writtenAndReadBack() throws Exception {
        CorpusManifest manifest = CorpusManifest.scan(corpus());
        Path file = dir.resolve("manifest.json");
        manifest.write(file);
        assertEquals(manifest, CorpusManifest.read(file).orElseThrow());
        assertEquals(manifest.digest(), CorpusManifest.read(file).orElseThrow().digest());
        Files.writeString(file, "{not json");
        assertTrue(CorpusManifest.read(file).isEmpty());
        assertTrue(CorpusManifest.read(dir.resolve("none.json")).isEmpty());
    }

    @Test
    void aMissingCorpusIsTheLoadersError() {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusManifest.scan(dir.resolve("none")));
        assertEquals(SkipReason.UNREADABLE, e.reason());
    }
}
