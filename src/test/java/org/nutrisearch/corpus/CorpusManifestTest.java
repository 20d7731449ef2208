package org.nutrisearch.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** An hour from now: every file of the test has been left alone long enough for its stamp to count. */
    private static Instant later() {
        return Instant.now().plusSeconds(3600);
    }

    @Test
    void aFileWhoseStampIsUnchangedIsNotReadAgain() throws Exception {
        Path corpus = corpus();
        CorpusManifest.Scanned first = CorpusManifest.scan(corpus, new CorpusManifest(List.of()), Map.of(), later());
        assertEquals(CorpusManifest.scan(corpus), first.manifest());
        assertEquals(Set.of("a.txt", "b.md", "c.jsonl"), first.stamps().keySet());

        // A manifest whose hash of a.txt no reading could give: the scan takes it from there.
        CorpusManifest.File a = first.manifest().files().getFirst();
        CorpusManifest earlier = new CorpusManifest(List.of(new CorpusManifest.File("a.txt", a.size(), "f".repeat(64)),
                first.manifest().files().get(1), first.manifest().files().get(2)));
        CorpusManifest.Scanned again = CorpusManifest.scan(corpus, earlier, first.stamps(), later());
        assertEquals(earlier, again.manifest());
        assertEquals(first.stamps(), again.stamps());
        // Without stamps every file is read.
        assertEquals(first.manifest(), CorpusManifest.scan(corpus, earlier, Map.of(), later()).manifest());
    }

    @Test
    void aFileWrittenAgainOrReplacedIsReadAgainWhateverItsTimeSays() throws Exception {
        Path corpus = corpus();
        CorpusManifest.Scanned first = CorpusManifest.scan(corpus, new CorpusManifest(List.of()), Map.of(), later());
        FileTime aTime = Files.getLastModifiedTime(corpus.resolve("a.txt"));
        FileTime bTime = Files.getLastModifiedTime(corpus.resolve("b.md"));
        // The file system's clock ticks every few milliseconds: the writes below must fall in a later tick.
        Thread.sleep(50);
        // cp -p over the file: same size, other content, the old modification time.
        Files.writeString(corpus.resolve("a.txt"), "Magnesium\n\nMagnesium relaxes muscleZ.\n");
        Files.setLastModifiedTime(corpus.resolve("a.txt"), aTime);
        // rsync -a: a new file (another inode) with the same bytes and time.
        Path replacement = Files.writeString(dir.resolve("b.tmp"), Files.readString(corpus.resolve("b.md")));
        Files.setLastModifiedTime(replacement, bTime);
        Files.move(replacement, corpus.resolve("b.md"), StandardCopyOption.REPLACE_EXISTING);

        CorpusManifest.Scanned again = CorpusManifest.scan(corpus, first.manifest(), first.stamps(), later());
        assertEquals(CorpusManifest.scan(corpus), again.manifest());
        assertEquals(new CorpusManifest.Changes(List.of(), List.of(), List.of("a.txt")),
                again.manifest().changesSince(first.manifest()));
        assertNotEquals(first.stamps().get("a.txt"), again.stamps().get("a.txt"));
        assertNotEquals(first.stamps().get("b.md"), again.stamps().get("b.md"));
        assertEquals(first.stamps().get("c.jsonl"), again.stamps().get("c.jsonl"));
    }

    @Test
    void aFileChangedJustBeforeTheScanGetsNoStamp() throws Exception {
        Path corpus = corpus();
        // Written a moment ago: a change in the same tick of the file system's clock could leave its stamp as is.
        CorpusManifest.Scanned now = CorpusManifest.scan(corpus, new CorpusManifest(List.of()), Map.of(), Instant.now());
        assertEquals(Map.of(), now.stamps());
        assertEquals(CorpusManifest.scan(corpus), now.manifest());
    }
}
