package org.nutrisearch.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a corpus: a directory of article files ({@code *.txt}, {@code *.md}, read by
 * {@link ArticleFileReader} and {@link ArticleParser}) and JSON Lines files ({@code *.jsonl}, read by
 * {@link JsonlArticleReader}), or one such file.
 *
 * <p>Files are read in name order, so ids and problems come out the same on every machine. One bad
 * file or line never stops the load: it is left out and reported as a {@link CorpusProblem}. Dotfiles
 * are ignored; any other file type, and subdirectories, are reported as unsupported; links leading out
 * of the folder, pipes, sockets and devices are refused unopened ({@link CorpusFiles}). When two
 * articles have the same id the first one read wins and the later one is reported as a duplicate.
 */
public final class CorpusLoader {

    private final ArticleParser parser = new ArticleParser();
    private final JsonlArticleReader jsonl;
    private final long maxFileBytes;

    public CorpusLoader() {
        this(ArticleFileReader.DEFAULT_MAX_BYTES, JsonlArticleReader.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * @param maxFileBytes  largest article file read (see {@link ArticleFileReader#read(Path, long)})
     * @param maxLineBytes  longest JSONL line read
     */
    public CorpusLoader(long maxFileBytes, int maxLineBytes) {
        this.maxFileBytes = maxFileBytes;
        this.jsonl = new JsonlArticleReader(maxLineBytes);
    }

    /**
     * Loads every supported file of a directory (not its subdirectories), or a single file.
     *
     * @throws CorpusException (UNREADABLE) when the path does not exist or the directory cannot be listed
     */
    public CorpusLoad load(Path path) throws CorpusException {
        if (!Files.exists(path)) {
            throw new CorpusException(path, SkipReason.UNREADABLE, "no such file or directory");
        }
        Accumulator acc = new Accumulator();
        if (Files.isDirectory(path)) {
            for (Path file : CorpusFiles.entries(path)) {
                try {
                    loadFile(file, CorpusFiles.readablePath(path, file), acc);
                } catch (CorpusException e) {
                    acc.problems.add(CorpusProblem.of(e));
                }
            }
        } else {
            try {
                loadFile(path, CorpusFiles.readablePath(path), acc);
            } catch (CorpusException e) {
                acc.problems.add(CorpusProblem.of(e));
            }
        }
        return acc.problems.load(acc.articles);
    }

    private void loadFile(Path file, Path readable, Accumulator acc) throws CorpusException {
        if (CorpusFiles.isArticleFile(file)) {
            String text = ArticleFileReader.read(file, readable, maxFileBytes);
            Article article = parser.parse(CorpusPaths.stem(file), CorpusPaths.display(file), text);
            if (article.unitCount() == 0) {
                throw new CorpusException(file, SkipReason.EMPTY, "has no article text (only page navigation)");
            }
            String tooLong = UnitLimits.overLimit(article);
            if (tooLong != null) {
                throw new CorpusException(file, SkipReason.TOO_LARGE, "has a unit too long to serve: " + tooLong);
            }
            acc.add(article, file);
        } else if (CorpusFiles.isJsonlFile(file)) {
            CorpusLoad load = jsonl.read(file, readable);
            acc.problems.addAll(load);
            for (Article a : load.articles()) {
                String tooLong = UnitLimits.overLimit(a); // lines are checked one by one; this is the net
                if (tooLong == null) {
                    acc.add(a, file);
                } else {
                    acc.problems.add(new CorpusProblem(CorpusPaths.display(file), null, SkipReason.TOO_LARGE,
                            "article '" + a.id().substring(0, Math.min(a.id().length(), 80)) + "' is too long to serve: " + tooLong));
                }
            }
        } else {
            throw new CorpusException(file, SkipReason.UNSUPPORTED_FILE, "not an article file (.txt, .md or .jsonl)");
        }
    }

    /** Articles and problems so far; knows which file each id came from to name duplicates. */
    private static final class Accumulator {
        final List<Article> articles = new ArrayList<>();
        final CorpusProblems problems = new CorpusProblems();
        final Map<String, String> idSources = new HashMap<>();

        void add(Article article, Path file) {
            String shown = CorpusPaths.display(file);
            String first = idSources.putIfAbsent(article.id(), shown);
            if (first != null) {
                problems.add(new CorpusProblem(shown, null, SkipReason.DUPLICATE_ID,
                        "duplicate article id '" + article.id() + "' (already loaded from " + first + ")"));
            } else {
                articles.add(article);
            }
        }
    }
}
