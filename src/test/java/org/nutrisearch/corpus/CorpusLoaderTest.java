package org.nutrisearch.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class CorpusLoaderTest {

    @TempDir
    Path dir;

    private String shown(String name) {
        return CorpusPaths.display(dir.resolve(name));
    }

    @Test
    void loadsTheSeedCorpusInNameOrder() throws CorpusException {
        CorpusLoad load = new CorpusLoader().load(Path.of("corpus"));
        assertEquals(List.of(SeedArticles.CALF, SeedArticles.CRAMPS, SeedArticles.NIGHT_PAIN, SeedArticles.STIFFNESS,
                SeedArticles.NIGHT_CRAMPS), load.articles().stream().map(Article::id).toList());
        assertEquals(List.of(), load.problems());
        assertEquals(138, load.units().size());
        assertEquals("corpus/leg-cramps-vitamin-deficiency.txt", load.articles().get(1).source());
    }

    @Test
    void goodArticlesLoadAndEveryBadFileIsNamed() throws IOException, CorpusException {
        Files.copy(SeedArticles.file(SeedArticles.CRAMPS), dir.resolve("cramps.txt"));
        Files.writeString(dir.resolve("cramps.md"), "# Cramps again\n\nSame id as cramps.txt.\n");
        Files.writeString(dir.resolve("notes.md"), "# Magnesium\n\nMagnesium relaxes muscles.\n");
        Files.write(dir.resolve("latin1.txt"), "caf\u00e9 cramps".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.writeString(dir.resolve("nav-only.txt"), "Skip to content\n\n3 min read\n");
        Files.write(dir.resolve("photo.txt"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0x10});
        Files.copy(Path.of("src/test/resources/corpus/documents.jsonl"), dir.resolve("docs.jsonl"));
        Files.writeString(dir.resolve("z-dup.jsonl"), "{\"_id\": \"notes\", \"title\": \"t\", \"text\": \"x\"}\n");
        Files.writeString(dir.resolve("paper.pdf"), "%PDF");
        Files.writeString(dir.resolve(".DS_Store"), "ignored");
        Files.createDirectory(dir.resolve("sub"));

        CorpusLoad load = new CorpusLoader().load(dir);

        assertEquals(List.of("cramps", "MED-1", "3", "MED-5", "notes"),
                load.articles().stream().map(Article::id).toList());
        assertEquals("Cramps again", load.articles().get(0).title(), "cramps.md sorts before cramps.txt");
        assertEquals("Magnesium", load.articles().get(4).title());
        List<String> docsProblems = load.problems().stream()
                .filter(p -> p.file().equals(shown("docs.jsonl"))).map(p -> p.line() + " " + p.reason()).toList();
        assertEquals(List.of("2 MALFORMED_LINE", "3 MALFORMED_LINE", "5 MISSING_FIELDS", "7 DUPLICATE_ID",
                "8 MALFORMED_LINE", "9 MISSING_FIELDS"), docsProblems);
        List<CorpusProblem> fileProblems = load.problems().stream()
                .filter(p -> !p.file().equals(shown("docs.jsonl"))).toList();
        assertEquals(List.of(
                new CorpusProblem(shown("cramps.txt"), null, SkipReason.DUPLICATE_ID,
                        "duplicate article id 'cramps' (already loaded from " + shown("cramps.md") + ")"),
                new CorpusProblem(shown("empty.txt"), null, SkipReason.EMPTY, "is empty"),
                new CorpusProblem(shown("latin1.txt"), null, SkipReason.INVALID_UTF8,
                        "not valid UTF-8 (byte 0xE9 at offset 3)"),
                new CorpusProblem(shown("nav-only.txt"), null, SkipReason.EMPTY,
                        "has no article text (only page navigation)"),
                new CorpusProblem(shown("paper.pdf"), null, SkipReason.UNSUPPORTED_FILE,
                        "not an article file (.txt, .md or .jsonl)"),
                new CorpusProblem(shown("photo.txt"), null, SkipReason.BINARY,
                        "is a binary file, not text (NUL byte at offset 2)"),
                new CorpusProblem(shown("sub"), null, SkipReason.UNSUPPORTED_FILE,
                        "is a directory (subdirectories are not read)"),
                new CorpusProblem(shown("z-dup.jsonl"), null, SkipReason.DUPLICATE_ID,
                        "duplicate article id 'notes' (already loaded from " + shown("notes.md") + ")")), fileProblems);
        assertEquals(2, load.count(SkipReason.EMPTY));
        assertEquals(3, load.count(SkipReason.DUPLICATE_ID));
    }

    @Test
    void unreadableFileIsNamedAndTheRestLoads() throws IOException, CorpusException {
        Files.writeString(dir.resolve("a.txt"), "Magnesium relaxes muscles.\n");
        Path secret = Files.writeString(dir.resolve("b.txt"), "Potassium carries nerve signals.\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(secret), "running as root: permissions do not block reads");
            CorpusLoad load = new CorpusLoader().load(dir);
            assertEquals(List.of("a"), load.articles().stream().map(Article::id).toList());
            assertEquals(List.of(new CorpusProblem(shown("b.txt"), null, SkipReason.UNREADABLE,
                    "cannot be read (permission denied)")), load.problems());
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void loadsASingleFile() throws CorpusException {
        CorpusLoad load = new CorpusLoader().load(SeedArticles.file(SeedArticles.NIGHT_CRAMPS));
        assertEquals(List.of(SeedArticles.NIGHT_CRAMPS), load.articles().stream().map(Article::id).toList());
        CorpusLoad faq = new CorpusLoader().load(Path.of("src/test/resources/corpus/faq-pairs.jsonl"));
        assertEquals(4, faq.articles().size(), "grouped by source and focus");
        assertEquals(3, faq.problems().size());
    }

    @Test
    void tooLargeFileIsNamed() throws IOException, CorpusException {
        Files.writeString(dir.resolve("big.txt"), "x".repeat(2000));
        CorpusLoad load = new CorpusLoader(1000, 1000).load(dir);
        assertEquals(List.of(new CorpusProblem(shown("big.txt"), null, SkipReason.TOO_LARGE,
                "is too large (more than 1000 bytes)")), load.problems());
    }

    @Test
    void missingDirectoryThrowsNamingIt() {
        CorpusException e = assertThrows(CorpusException.class, () -> new CorpusLoader().load(dir.resolve("none")));
        assertEquals(SkipReason.UNREADABLE, e.reason());
        assertEquals(shown("none") + ": no such file or directory", e.getMessage());
    }

    @Test
    void summaryCountsProblemsByReason() {
        CorpusLoad load = new CorpusLoad(List.of(), List.of(
                new CorpusProblem("a.jsonl", 2, SkipReason.MALFORMED_LINE, "not JSON"),
                new CorpusProblem("b.txt", null, SkipReason.EMPTY, "is empty"),
                new CorpusProblem("a.jsonl", 5, SkipReason.MALFORMED_LINE, "not JSON")));
        assertEquals("0 articles, 3 problems (EMPTY 1, MALFORMED_LINE 2)", load.summary());
        assertEquals("a.jsonl:5: not JSON", load.problems().get(2).message());
    }

    @Test
    void aLinkOutOfTheCorpusIsNotFollowed() throws IOException, CorpusException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "Magnesium\n\nMagnesium relaxes muscles.\n");
        Path outside = Files.writeString(dir.resolve("secret.txt"), "Secret\n\nThe service's own secret.\n");
        Path outsideDir = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outsideDir.resolve("b.txt"), "Other\n\nOther text.\n");
        Files.createSymbolicLink(corpus.resolve("x.txt"), outside);
        Files.createSymbolicLink(corpus.resolve("y.jsonl"), outside);
        Files.createSymbolicLink(corpus.resolve("folder"), outsideDir);
        Files.createSymbolicLink(corpus.resolve("relative.md"), Path.of("../secret.txt"));
        Files.createSymbolicLink(corpus.resolve("broken.txt"), dir.resolve("gone.txt"));
        Files.createSymbolicLink(corpus.resolve("same.txt"), corpus.resolve("a.txt"));

        CorpusLoad load = new CorpusLoader().load(corpus);

        assertEquals(List.of("a", "same"), load.articles().stream().map(Article::id).toList(),
                "a link to a file inside the corpus is read under its own name");
        String outsideDetail = "is a symbolic link to something outside the corpus folder (not followed)";
        assertEquals(List.of(
                new CorpusProblem(CorpusPaths.display(corpus.resolve("broken.txt")), null, SkipReason.UNREADABLE,
                        "is a broken symbolic link"),
                new CorpusProblem(CorpusPaths.display(corpus.resolve("folder")), null, SkipReason.OUTSIDE_CORPUS, outsideDetail),
                new CorpusProblem(CorpusPaths.display(corpus.resolve("relative.md")), null, SkipReason.OUTSIDE_CORPUS, outsideDetail),
                new CorpusProblem(CorpusPaths.display(corpus.resolve("x.txt")), null, SkipReason.OUTSIDE_CORPUS, outsideDetail),
                new CorpusProblem(CorpusPaths.display(corpus.resolve("y.jsonl")), null, SkipReason.OUTSIDE_CORPUS, outsideDetail)),
                load.problems());
    }

    // A pipe is opened only when someone writes to it: opened, it hung the load (and every later reindex) for good.
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pipesAreRefusedUnopened() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Magnesium\n\nMagnesium relaxes muscles.\n");
        Fifo.make(dir.resolve("pipe.txt"));
        Fifo.make(dir.resolve("pipe.jsonl"));
        Files.createSymbolicLink(dir.resolve("link.md"), dir.resolve("pipe.txt"));

        CorpusLoad load = new CorpusLoader().load(dir);

        assertEquals(List.of("a"), load.articles().stream().map(Article::id).toList());
        String detail = "is not a regular file (a named pipe, socket or device is never opened)";
        assertEquals(List.of(new CorpusProblem(shown("link.md"), null, SkipReason.SPECIAL_FILE, detail),
                new CorpusProblem(shown("pipe.jsonl"), null, SkipReason.SPECIAL_FILE, detail),
                new CorpusProblem(shown("pipe.txt"), null, SkipReason.SPECIAL_FILE, detail)), load.problems());
        // Named on its own (a single-file corpus, `parse FILE`): refused too.
        assertEquals(List.of(new CorpusProblem(shown("pipe.txt"), null, SkipReason.SPECIAL_FILE, detail)),
                new CorpusLoader().load(dir.resolve("pipe.txt")).problems());
        CorpusException e = assertThrows(CorpusException.class, () -> ArticleFileReader.read(dir.resolve("pipe.txt")));
        assertEquals(SkipReason.SPECIAL_FILE, e.reason());
        assertEquals(SkipReason.SPECIAL_FILE, assertThrows(CorpusException.class,
                () -> new JsonlArticleReader().read(dir.resolve("pipe.jsonl"))).reason());
    }

    // A 4 MB single-line article made every search that found it answer 4 MB and a few such searches
    // fill a 256 MB heap; a 40 000-character id failed the whole build (Lucene's term limit).
    @Test
    void unitsTooLongToServeAreLeftOutAndNamed() throws IOException, CorpusException {
        Files.writeString(dir.resolve("a.txt"), "Magnesium\n\nMagnesium relaxes muscles.\n");
        Files.writeString(dir.resolve("one-line.txt"), "Zinc\n\n" + "zinc ".repeat(800_000) + "\n");
        Files.writeString(dir.resolve("docs.jsonl"), String.join("\n",
                "{\"id\":\"ok\",\"title\":\"Ok\",\"text\":\"Iron carries oxygen.\"}",
                "{\"id\":\"" + "i".repeat(40_000) + "\",\"title\":\"Long id\",\"text\":\"Iron.\"}",
                "{\"id\":\"long-text\",\"title\":\"Long text\",\"text\":\"" + "iron ".repeat(10_000) + "\"}",
                "{\"question\":\"" + "why ".repeat(300) + "?\",\"answer\":\"Because.\",\"source\":\"S\"}",
                "{\"question\":\"Why?\",\"answer\":\"Because.\",\"source\":\"S\"}") + "\n");

        CorpusLoad load = new CorpusLoader().load(dir);

        assertEquals(List.of("a", "ok", "docs-s"), load.articles().stream().map(Article::id).toList());
        assertEquals(1, load.articles().get(2).faqs().size());
        assertEquals(List.of(
                new CorpusProblem(shown("docs.jsonl"), 2, SkipReason.TOO_LARGE, "id of 40000 characters (at most 200)"),
                new CorpusProblem(shown("docs.jsonl"), 3, SkipReason.TOO_LARGE, "text of 49999 characters (at most 32768)"),
                new CorpusProblem(shown("docs.jsonl"), 4, SkipReason.TOO_LARGE, "question of 1201 characters (at most 1000)"),
                new CorpusProblem(shown("one-line.txt"), null, SkipReason.TOO_LARGE,
                        "has a unit too long to serve: section-1: text of 3999999 characters (at most 32768)")),
                load.problems());
    }

    // Ten million bad lines were ten million problems in memory and in the reindex answer.
    @Test
    void problemsAreListedUpToAThousandAndAllCounted() throws IOException, CorpusException {
        Files.writeString(dir.resolve("bad.jsonl"), "{not json\n".repeat(1500) + "{\"id\":\"ok\",\"title\":\"Ok\",\"text\":\"Iron.\"}\n");
        Files.writeString(dir.resolve("empty.txt"), "");

        CorpusLoad load = new CorpusLoader().load(dir);

        assertEquals(List.of("ok"), load.articles().stream().map(Article::id).toList());
        assertEquals(CorpusProblems.LISTED, load.problems().size());
        assertEquals(1501, load.problemCount());
        assertEquals(1500, load.count(SkipReason.MALFORMED_LINE));
        assertEquals(1, load.count(SkipReason.EMPTY), "a problem met after the list is full is still counted");
        assertEquals("1 articles, 1501 problems (EMPTY 1, MALFORMED_LINE 1500)", load.summary());
    }
}
