package org.nutrisearch.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonlArticleReaderTest {

    private static final Path DOCUMENTS = Path.of("src/test/resources/corpus/documents.jsonl");
    private static final Path FAQ_PAIRS = Path.of("src/test/resources/corpus/faq-pairs.jsonl");

    @Test
    void documentLinesBecomeOneSectionArticles() throws CorpusException {
        CorpusLoad load = new JsonlArticleReader().read(DOCUMENTS);
        assertEquals(List.of("MED-1", "3", "MED-5"), load.articles().stream().map(Article::id).toList());
        Article med1 = load.articles().get(0);
        assertEquals("Magnesium and nocturnal leg cramps", med1.title());
        assertEquals("http://www.ncbi.nlm.nih.gov/pubmed/1", med1.source());
        assertEquals(List.of(new Section("Magnesium and nocturnal leg cramps", null,
                "Oral magnesium reduced cramp frequency in some trials.")), med1.sections());
        assertEquals("https://example.org/3", load.articles().get(1).source());
        assertEquals("src/test/resources/corpus/documents.jsonl", load.articles().get(2).source(), "no url: the file");
        assertEquals(List.of("MED-5#section-1"), load.articles().get(2).units().stream().map(Unit::id).toList());
    }

    @Test
    void badDocumentLinesAreNamedWithTheirLineNumber() throws CorpusException {
        String file = "src/test/resources/corpus/documents.jsonl";
        List<CorpusProblem> problems = new JsonlArticleReader().read(DOCUMENTS).problems();
        assertEquals(List.of(
                new CorpusProblem(file, 2, SkipReason.MALFORMED_LINE, problems.get(0).detail()),
                new CorpusProblem(file, 3, SkipReason.MALFORMED_LINE, "not a JSON object but an array"),
                new CorpusProblem(file, 5, SkipReason.MISSING_FIELDS, "document without text"),
                new CorpusProblem(file, 7, SkipReason.DUPLICATE_ID, "duplicate id 'MED-1' (first on line 1)"),
                new CorpusProblem(file, 8, SkipReason.MALFORMED_LINE, problems.get(4).detail()),
                new CorpusProblem(file, 9, SkipReason.MISSING_FIELDS,
                        "neither a document (id, title, text) nor an FAQ pair (question, answer)")), problems);
        assertEquals("not JSON (Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or "
                + "token 'null', 'true' or 'false'))", problems.get(0).detail());
        assertEquals(file + ":2: " + problems.get(0).detail(), problems.get(0).message());
        assertEquals("not JSON (Unrecognized token 'trailing': was expecting (JSON String, Number, Array, Object or "
                + "token 'null', 'true' or 'false'))", problems.get(4).detail(), "text after the object");
    }

    @Test
    void faqPairsAreGroupedByTopicInFileOrderAndKeepTheirFocusAndType() throws CorpusException {
        CorpusLoad load = new JsonlArticleReader().read(FAQ_PAIRS);
        assertEquals(List.of("faq-pairs-cancergov-cramps", "faq-pairs-ghr", "faq-pairs-cancergov", "faq-pairs"),
                load.articles().stream().map(Article::id).toList());
        Article cramps = load.articles().get(0);
        assertEquals("Cramps", cramps.title(), "a topic is titled by its focus");
        assertEquals("https://example.org/cramps", cramps.source(), "and cited by its first pair's url");
        assertEquals(List.of(new FaqEntry("What causes cramps ?", "Many things.\n - Low magnesium.", "Cramps",
                QuestionType.CAUSES, "https://example.org/cramps")), cramps.faqs());
        Unit unit = cramps.units().getFirst();
        assertEquals("faq-pairs-cancergov-cramps#faq-1", unit.id());
        assertEquals("Cramps", unit.focus());
        assertEquals(QuestionType.CAUSES, unit.questionType());
        assertEquals("What causes cramps ?", unit.askedQuestion());

        Article cancerGov = load.articles().get(2);
        assertEquals("CancerGov", cancerGov.title(), "without a focus, by its source");
        assertEquals("src/test/resources/corpus/faq-pairs.jsonl", cancerGov.source(), "no url: the file");
        assertEquals(List.of(new FaqEntry("Who gets cramps ?", "Older adults, mostly.")), cancerGov.faqs());
        assertEquals(QuestionType.SUSCEPTIBILITY, cancerGov.faqs().getFirst().type(), "read from the question");
        assertEquals("faq-pairs", load.articles().get(3).title(), "no source: named after the file");
        assertEquals(List.of(new FaqEntry("What is RLS ?", "Restless legs syndrome.")), load.articles().get(1).faqs());

        assertEquals(List.of(
                new CorpusProblem("src/test/resources/corpus/faq-pairs.jsonl", 3, SkipReason.MISSING_FIELDS,
                        "FAQ pair without answer"),
                new CorpusProblem("src/test/resources/corpus/faq-pairs.jsonl", 5, SkipReason.DUPLICATE_ID,
                        "repeats the question and answer of line 4"),
                new CorpusProblem("src/test/resources/corpus/faq-pairs.jsonl", 7, SkipReason.INVALID_UTF8,
                        "not valid UTF-8 (byte 0xFF at offset 46 of the line)")), load.problems());
        assertEquals(Map.of(SkipReason.MISSING_FIELDS, 1L, SkipReason.DUPLICATE_ID, 1L, SkipReason.INVALID_UTF8, 1L),
                load.countsByReason());
    }

    @Test
    void overlongLineIsSkippedAndReadingGoesOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.jsonl");
        String big = "{\"_id\": \"big\", \"title\": \"t\", \"text\": \"" + "x".repeat(500) + "\"}";
        Files.writeString(file, big + "\n{\"_id\": \"small\", \"title\": \"t\", \"text\": \"y\"}", StandardCharsets.UTF_8);
        CorpusLoad load = new JsonlArticleReader(100).read(file);
        assertEquals(List.of("small"), load.articles().stream().map(Article::id).toList());
        assertEquals(List.of(new CorpusProblem(CorpusPaths.display(file), 1, SkipReason.MALFORMED_LINE,
                "line longer than 100 bytes")), load.problems());
    }

    @Test
    void missingFileThrows() {
        CorpusException e = assertThrows(CorpusException.class,
                () -> new JsonlArticleReader().read(Path.of("src/test/resources/corpus/none.jsonl")));
        assertEquals(SkipReason.UNREADABLE, e.reason());
        assertEquals("src/test/resources/corpus/none.jsonl: no such file", e.getMessage());
    }

    @Test
    void slugs() {
        assertEquals("cancergov", JsonlArticleReader.slug("CancerGov"));
        assertEquals("mplus-health-topics", JsonlArticleReader.slug(" MPlus Health/Topics "));
        assertEquals("x", JsonlArticleReader.slug("!!"));
    }

    @Test
    void emptyFileHasNoArticlesAndNoProblems(@TempDir Path dir) throws IOException, CorpusException {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
        assertEquals(new CorpusLoad(List.of(), List.of()), new JsonlArticleReader().read(file));
    }
}
