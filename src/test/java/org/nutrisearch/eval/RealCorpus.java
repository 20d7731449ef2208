package org.nutrisearch.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.ArticleParser;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.AnswerConfidence;
import org.nutrisearch.search.AnswerPolicy;
import org.nutrisearch.search.AnswerService;
import org.nutrisearch.search.LiveIndex;
import org.nutrisearch.search.LuceneSearchBackend;
import org.nutrisearch.search.QuestionWords;
import org.nutrisearch.search.SnippetBuilder;
import org.nutrisearch.search.SynonymCoverage;
import org.nutrisearch.search.UnitQueryBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The five real articles of corpus/, parsed, indexed into a folder and opened (test support). */
public final class RealCorpus {

    public static final Path CORPUS = Path.of("corpus");

    private RealCorpus() {
    }

    public static ObjectMapper json() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The articles of corpus/, by file name. */
    public static List<Article> articles() throws IOException {
        List<Article> articles = new ArrayList<>();
        ArticleParser parser = new ArticleParser();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".txt".length());
                articles.add(parser.parse(id, "corpus/" + name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return articles;
    }

    /** Indexes corpus/ under {@code dir} and opens a backend over it. */
    public static LuceneSearchBackend open(Path dir) throws IOException {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(tagger, json()).rebuild(articles(), generations, null);
        var analyzer = TextAnalyzers.english();
        return new LuceneSearchBackend(LiveIndex.open(generations.current().orElseThrow()), lexicon,
                new UnitQueryBuilder(analyzer), new SnippetBuilder(analyzer, tagger), json());
    }

    /** The answer service over {@code backend} with the given model and policy. */
    public static AnswerService answers(LuceneSearchBackend backend, AnswerConfidence model, AnswerPolicy policy) {
        QuestionWords words = new QuestionWords(TextAnalyzers.english());
        return new AnswerService(backend, words, SynonymCoverage.loadDefault(words),
                new NutrientTagger(NutrientLexicon.loadDefault()), model, policy);
    }
}
