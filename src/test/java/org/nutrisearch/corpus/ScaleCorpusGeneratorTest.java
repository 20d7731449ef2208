package org.nutrisearch.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleCorpusGeneratorTest {

    private static final Path DATA = Path.of("src/test/resources/scale/data");
    private static final Path ARTICLES = Path.of("src/test/resources/scale/articles");

    private final ScaleCorpusGenerator generator = new ScaleCorpusGenerator();

    @Test
    void readsTheThreeSources() throws Exception {
        ScaleCorpusGenerator.Sources sources = generator.read(DATA, ARTICLES);
        assertEquals(4, sources.pairs().size());
        assertEquals(2, sources.abstracts().size());
        assertEquals(1, sources.articleUnits().size());
        assertEquals("Night Cramps", sources.articleUnits().get(0).title());
    }

    @Test
    void writesExactlyTheUnitsAskedForAndTheReaderTakesThemAllAsUnits(@TempDir Path out) throws Exception {
        ScaleCorpusGenerator.Generated g = generator.write(generator.read(DATA, ARTICLES), out, 20, 42);
        assertEquals(20, g.units());
        // 7 source items: rounds 1 and 2 whole (14), then 4 FAQ pairs and 2 abstracts of round 3.
        assertEquals(3, g.rounds());
        assertEquals(12, g.faqUnits());
        assertEquals(6, g.abstracts());
        assertEquals(2, g.articleUnits());
        // FAQ articles: one per focus and round.
        assertEquals(6, g.faqArticles());

        CorpusLoad load = new CorpusLoader().load(out);
        assertEquals(List.of(), load.problems());
        assertEquals(20, load.units().size());
        assertEquals(6 + 6 + 2, load.articles().size());
        Article first = load.articles().get(0);
        assertEquals("articles-derived", CorpusPaths.stem(Path.of(ScaleCorpusGenerator.ARTICLES_FILE)));
        assertEquals("night-cramps-section-1", first.id());
        assertTrue(load.articles().stream().anyMatch(a -> a.id().equals("medquad-derived-hypokalemia-variant-2")
                && a.title().equals("Hypokalemia (variant 2)") && a.faqs().size() == 2));
    }

    @Test
    void theFirstRoundIsTheSourceTextUnchanged(@TempDir Path out) throws Exception {
        generator.write(generator.read(DATA, ARTICLES), out, 7, 42);
        List<String> faq = Files.readAllLines(out.resolve(ScaleCorpusGenerator.FAQ_FILE));
        assertEquals("{\"question\":\"What is hypokalemia?\",\"answer\":\"Hypokalemia is a low level of potassium in the blood."
                + " Potassium helps nerves and muscles work. A low level can cause muscle cramps.\","
                + "\"focus\":\"Hypokalemia\",\"qtype\":\"information\"}", faq.get(0));
        List<String> abstracts = Files.readAllLines(out.resolve(ScaleCorpusGenerator.ABSTRACTS_FILE));
        assertEquals("{\"id\":\"MED-1\",\"title\":\"Magnesium and muscle cramps\",\"text\":\"Magnesium is often given for"
                + " nocturnal leg cramps. Trials show little benefit in older adults. Pregnant women may benefit more.\","
                + "\"url\":\"https://example.org/med-1\"}", abstracts.get(0));
    }

    @Test
    void sameSeedSameBytesAndASmallerCorpusIsAPrefix(@TempDir Path dir) throws Exception {
        ScaleCorpusGenerator.Sources sources = generator.read(DATA, ARTICLES);
        generator.write(sources, dir.resolve("a"), 40, 7);
        generator.write(sources, dir.resolve("b"), 40, 7);
        generator.write(sources, dir.resolve("small"), 25, 7);
        generator.write(sources, dir.resolve("other-seed"), 40, 8);
        for (String f : List.of(ScaleCorpusGenerator.FAQ_FILE, ScaleCorpusGenerator.ABSTRACTS_FILE,
                ScaleCorpusGenerator.ARTICLES_FILE)) {
            String a = Files.readString(dir.resolve("a").resolve(f));
            assertEquals(a, Files.readString(dir.resolve("b").resolve(f)), f);
            assertTrue(a.startsWith(Files.readString(dir.resolve("small").resolve(f))), f);
        }
        assertNotEquals(Files.readString(dir.resolve("a").resolve(ScaleCorpusGenerator.FAQ_FILE)),
                Files.readString(dir.resolve("other-seed").resolve(ScaleCorpusGenerator.FAQ_FILE)));
    }

    @Test
    void recombiningSwapsSentencesPositionForPositionAndKeepsLineBreaks() {
        String text = "A one. A two. A three.\nA four. A five. A six.";
        String donor = "D one. D two. D three. D four. D five. D six.";
        String mixed = ScaleCorpusGenerator.recombine(text, donor, new Random(1));
        String[] lines = mixed.split("\n");
        assertEquals(2, lines.length);
        List<String> sentences = SentenceSplitter.split(mixed);
        assertEquals(6, sentences.size());
        String[] names = {"one.", "two.", "three.", "four.", "five.", "six."};
        int swapped = 0;
        for (int i = 0; i < 6; i++) {
            String s = sentences.get(i);
            assertTrue(s.equals("A " + names[i]) || s.equals("D " + names[i]), s);
            swapped += s.startsWith("D") ? 1 : 0;
        }
        assertTrue(swapped > 0 && swapped < 6, mixed);
    }
}
