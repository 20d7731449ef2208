package org.nutrisearch.nutrients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tags every line of the five corpus articles. The expected counts were checked against
 * {@code grep -oiw} counts of each name in the files (plus the two coordinated "D"s of the FAQ).
 */
class NutrientTaggerCorpusTest {

    private static final NutrientTagger TAGGER = new NutrientTagger(NutrientLexicon.loadDefault());
    private static final Path CORPUS = Path.of("corpus");

    static List<Object[]> articles() {
        return List.of(
                new Object[] {"calf-muscle-pain-deficiency.txt", Map.of(
                        "calcium", 20, "magnesium", 16, "potassium", 14, "sodium", 2, "vitamin-d", 12)},
                new Object[] {"leg-cramps-vitamin-deficiency.txt", Map.of(
                        "b-vitamins", 4, "calcium", 21, "magnesium", 12, "potassium", 16, "sodium", 1,
                        "vitamin-b1", 7, "vitamin-b12", 10, "vitamin-d", 19)},
                new Object[] {"leg-pain-at-night-vitamin-deficiency.txt", Map.of(
                        "b-vitamins", 1, "calcium", 12, "iron", 13, "magnesium", 17, "phosphorus", 1,
                        "potassium", 9, "vitamin-b12", 9, "vitamin-c", 1, "vitamin-d", 16)},
                new Object[] {"leg-stiffness-nutritional-culprits.txt", Map.of(
                        "b-vitamins", 5, "calcium", 14, "iron", 11, "magnesium", 14, "potassium", 12,
                        "vitamin-b1", 3, "vitamin-b12", 3, "vitamin-d", 12)},
                new Object[] {"nighttime-leg-cramps-nutrients.txt", Map.of(
                        "b-vitamins", 4, "calcium", 18, "magnesium", 17, "potassium", 10, "vitamin-b1", 5,
                        "vitamin-b12", 5, "vitamin-d", 9, "vitamin-k2", 7, "zinc", 1)});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("articles")
    void everyLineOfTheArticleIsTaggedWithTheKnownCounts(String file, Map<String, Integer> expected) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve(file))) {
            List<NutrientMention> mentions = TAGGER.tag(line);
            int previousEnd = 0;
            for (NutrientMention m : mentions) {
                assertTrue(m.start() >= previousEnd && m.end() > m.start() && m.end() <= line.length(),
                        () -> "overlapping or out-of-range mention " + m + " in: " + line);
                previousEnd = m.end();
                counts.merge(m.nutrientId(), 1, Integer::sum);
            }
        }
        assertEquals(new TreeMap<>(expected), counts);
    }

    @Test
    void keyPointAboutHydrationAndBVitamins() throws IOException {
        String line = Files.readAllLines(CORPUS.resolve("leg-stiffness-nutritional-culprits.txt")).stream()
                .filter(l -> l.contains("Hydration and B Vitamins are Crucial"))
                .findFirst().orElseThrow();
        int group = line.indexOf("B Vitamins");
        int inText = line.indexOf("B vitamins (B1, B12)");
        assertEquals(List.of(
                        new NutrientMention(group, group + 10, "b-vitamins"),
                        new NutrientMention(inText, inText + 10, "b-vitamins"),
                        new NutrientMention(inText + 12, inText + 14, "vitamin-b1"),
                        new NutrientMention(inText + 16, inText + 19, "vitamin-b12")),
                TAGGER.tag(line));
        assertEquals(List.of("b-vitamins", "vitamin-b1", "vitamin-b12"), TAGGER.nutrientIds(line));
    }

    @Test
    void conclusionListOfTheNighttimeArticle() throws IOException {
        String text = Files.readString(CORPUS.resolve("nighttime-leg-cramps-nutrients.txt"));
        int list = text.indexOf("vitamins D, K2, B1, and B12");
        List<NutrientMention> inList = TAGGER.tag(text).stream()
                .filter(m -> m.start() >= list && m.end() <= list + "vitamins D, K2, B1, and B12".length())
                .toList();
        assertEquals(List.of(
                new NutrientMention(list, list + 10, "vitamin-d"),
                new NutrientMention(list + 12, list + 14, "vitamin-k2"),
                new NutrientMention(list + 16, list + 18, "vitamin-b1"),
                new NutrientMention(list + 24, list + 27, "vitamin-b12")), inList);
    }
}
