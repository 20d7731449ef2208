package org.nutrisearch.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The five seed articles of corpus/, read and parsed the way the loader does. */
final class SeedArticles {

    static final String STIFFNESS = "leg-stiffness-nutritional-culprits";
    static final String CRAMPS = "leg-cramps-vitamin-deficiency";
    static final String NIGHT_PAIN = "leg-pain-at-night-vitamin-deficiency";
    static final String NIGHT_CRAMPS = "nighttime-leg-cramps-nutrients";
    static final String CALF = "calf-muscle-pain-deficiency";

    static final List<String> ALL = List.of(STIFFNESS, CRAMPS, NIGHT_PAIN, NIGHT_CRAMPS, CALF);

    private SeedArticles() {
    }

    static Path file(String id) {
        return Path.of("corpus", id + ".txt");
    }

    static String text(String id) throws IOException {
        return Files.readString(file(id), StandardCharsets.UTF_8);
    }

    static Article parse(String id) throws IOException {
        return new ArticleParser().parse(id, "corpus/" + id + ".txt", text(id));
    }
}
