package org.nutrisearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.ArticleFileReader;
import org.nutrisearch.corpus.ArticleParser;
import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code parse FILE}: prints what the parser made of one article, as JSON, with its searchable units. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Print the parsed article (and its searchable units) as JSON.")
final class ParseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An article file (plain text), e.g. corpus/leg-cramps-vitamin-deficiency.txt")
    Path file;

    @Override
    public Integer call() throws Exception {
        Article article;
        try {
            String text = ArticleFileReader.read(file);
            article = new ArticleParser().parse(CorpusPaths.stem(file), CorpusPaths.display(file), text);
        } catch (CorpusException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode tree = json.valueToTree(article);
        tree.set("units", json.valueToTree(article.units()));
        System.out.println(json.writeValueAsString(tree));
        return 0;
    }
}
