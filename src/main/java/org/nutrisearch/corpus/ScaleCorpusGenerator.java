package org.nutrisearch.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Derives a large benchmark corpus of real text from MedQuAD, NFCorpus and the bundled articles.
 *
 * <p>The output is three JSON Lines files that {@link JsonlArticleReader} reads, one unit per line:
 * <ul>
 *   <li>{@value #FAQ_FILE}: MedQuAD question–answer pairs, grouped into one article per focus (the
 *       disease or topic) and round, e.g. "Iron-Deficiency Anemia" and "Iron-Deficiency Anemia (variant 2)";</li>
 *   <li>{@value #ABSTRACTS_FILE}: NFCorpus abstracts, one single-section article each;</li>
 *   <li>{@value #ARTICLES_FILE}: every unit of the bundled articles as a single-section article.</li>
 * </ul>
 * Round 1 writes every source item as it is. Each later round writes every item again with about a third
 * of its sentences swapped, position for position, for sentences of a donor item (an answer of the same
 * question type, another abstract, another unit of the bundled articles): the words, sentence lengths
 * and paragraph shapes stay those of real health text, while the documents differ. Rounds repeat until
 * the requested number of units is written. Same inputs and seed, same bytes; a smaller corpus is a
 * prefix of a larger one.
 */
public final class ScaleCorpusGenerator {

    public static final String FAQ_FILE = "medquad-derived.jsonl";
    public static final String ABSTRACTS_FILE = "nfcorpus-derived.jsonl";
    public static final String ARTICLES_FILE = "articles-derived.jsonl";
    /** One sentence in this many is replaced by a donor's in rounds after the first. */
    static final int SWAP_ONE_IN = 3;

    private final ObjectMapper json = new ObjectMapper();

    /** An MedQuAD pair as read. */
    record Pair(String question, String answer, String focus, String qtype) {
    }

    /** A titled text: an NFCorpus abstract or a unit of a bundled article. */
    record Doc(String id, String title, String text, String url) {
    }

    /** The real text the corpus is derived from. */
    public record Sources(List<Pair> pairs, List<Doc> abstracts, List<Doc> articleUnits) {
        public Sources {
            pairs = List.copyOf(pairs);
            abstracts = List.copyOf(abstracts);
            articleUnits = List.copyOf(articleUnits);
        }

        public int size() {
            return pairs.size() + abstracts.size() + articleUnits.size();
        }
    }

    /**
     * What was written.
     *
     * @param units      lines written (one unit each)
     * @param faqUnits   MedQuAD-derived FAQ units
     * @param faqArticles FAQ groups (articles) they form
     * @param abstracts  NFCorpus-derived units (one article each)
     * @param articleUnits units derived from the bundled articles (one article each)
     * @param rounds     rounds started (the last one may be partial)
     * @param bytes      size of the files written
     */
    public record Generated(int units, int faqUnits, int faqArticles, int abstracts, int articleUnits, int rounds,
                            long bytes) {
    }

    /**
     * Reads the sources: {@code data/medquad/medquad.jsonl}, {@code data/nfcorpus/corpus.jsonl} and the
     * article files of {@code articles} (through {@link CorpusLoader}).
     */
    public Sources read(Path data, Path articles) throws IOException, CorpusException {
        List<Pair> pairs = new ArrayList<>();
        for (JsonNode node : readJsonl(data.resolve("medquad").resolve("medquad.jsonl"))) {
            String q = text(node, "question");
            String a = text(node, "answer");
            if (q != null && a != null) {
                String focus = text(node, "focus");
                String qtype = text(node, "qtype");
                pairs.add(new Pair(q, a, focus != null ? focus : text(node, "source"), qtype != null ? qtype : ""));
            }
        }
        List<Doc> abstracts = new ArrayList<>();
        for (JsonNode node : readJsonl(data.resolve("nfcorpus").resolve("corpus.jsonl"))) {
            String id = text(node, "_id");
            String title = text(node, "title");
            String body = text(node, "text");
            JsonNode meta = node.get("metadata");
            String url = meta == null ? null : text(meta, "url");
            if (id != null && title != null && body != null) {
                abstracts.add(new Doc(id, title, body, url));
            }
        }
        List<Doc> units = new ArrayList<>();
        for (Article article : new CorpusLoader().load(articles).articles()) {
            for (Unit unit : article.units()) {
                String title = unit.heading() == null || unit.heading().equals(article.title()) ? article.title()
                        : article.title() + ": " + unit.heading();
                String body = unit.question() == null ? unit.text() : unit.question() + "\n" + unit.text();
                units.add(new Doc(unit.id().replace('#', '-'), title, body, null));
            }
        }
        return new Sources(pairs, abstracts, units);
    }

    /** Writes {@code units} units derived from {@code sources} into the folder {@code out}. */
    public Generated write(Sources sources, Path out, int units, long seed) throws IOException {
        if (units < 1) {
            throw new IllegalArgumentException("units must be positive: " + units);
        }
        if (sources.size() == 0) {
            throw new IllegalArgumentException("no source text to derive a corpus from");
        }
        Files.createDirectories(out);
        Random random = new Random(seed);
        Map<String, List<Pair>> byQtype = new HashMap<>();
        for (Pair p : sources.pairs()) {
            byQtype.computeIfAbsent(p.qtype(), k -> new ArrayList<>()).add(p);
        }
        FaqGroups groups = new FaqGroups(CorpusPaths.stem(Path.of(FAQ_FILE)));
        int written = 0;
        int faq = 0;
        int abstracts = 0;
        int articleUnits = 0;
        int round = 0;
        try (BufferedWriter faqOut = Files.newBufferedWriter(out.resolve(FAQ_FILE), StandardCharsets.UTF_8);
             BufferedWriter absOut = Files.newBufferedWriter(out.resolve(ABSTRACTS_FILE), StandardCharsets.UTF_8);
             BufferedWriter artOut = Files.newBufferedWriter(out.resolve(ARTICLES_FILE), StandardCharsets.UTF_8)) {
            while (written < units) {
                round++;
                int before = written;
                for (int i = 0; i < sources.pairs().size() && written < units; i++) {
                    Pair p = sources.pairs().get(i);
                    List<Pair> donors = byQtype.get(p.qtype());
                    String answer = round == 1 ? p.answer()
                            : recombine(p.answer(), donors.get(random.nextInt(donors.size())).answer(), random);
                    String group = groups.key(round == 1 ? p.focus() : p.focus() + " (variant " + round + ")");
                    if (groups.firstTime(group, p.question(), answer)) {
                        ObjectNode line = json.createObjectNode();
                        line.put("question", p.question().strip());
                        line.put("answer", answer.strip());
                        // The focus names the article (JsonlArticleReader groups pairs by source and focus).
                        line.put("focus", group);
                        line.put("qtype", p.qtype());
                        writeLine(faqOut, line);
                        written++;
                        faq++;
                    }
                }
                for (int i = 0; i < sources.abstracts().size() && written < units; i++) {
                    writeDoc(absOut, sources.abstracts().get(i), sources.abstracts(), round, random);
                    written++;
                    abstracts++;
                }
                for (int i = 0; i < sources.articleUnits().size() && written < units; i++) {
                    writeDoc(artOut, sources.articleUnits().get(i), sources.articleUnits(), round, random);
                    written++;
                    articleUnits++;
                }
                if (written == before) {
                    throw new IllegalStateException("a round wrote nothing: sources too small");
                }
            }
        }
        long bytes = 0;
        for (String f : List.of(FAQ_FILE, ABSTRACTS_FILE, ARTICLES_FILE)) {
            bytes += Files.size(out.resolve(f));
        }
        return new Generated(written, faq, groups.count(), abstracts, articleUnits, round, bytes);
    }

    private void writeDoc(BufferedWriter out, Doc doc, List<Doc> donors, int round, Random random)
            throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("id", round == 1 ? doc.id() : doc.id() + "-r" + round);
        line.put("title", doc.title());
        line.put("text", round == 1 ? doc.text()
                : recombine(doc.text(), donors.get(random.nextInt(donors.size())).text(), random));
        if (doc.url() != null) {
            line.put("url", doc.url());
        }
        writeLine(out, line);
    }

    private void writeLine(BufferedWriter out, ObjectNode line) throws IOException {
        out.write(json.writeValueAsString(line));
        out.write('\n');
    }

    /**
     * The text with about one sentence in {@link #SWAP_ONE_IN} replaced by the donor's sentence at the
     * same position (cycling through the donor); line breaks of the original are kept.
     */
    static String recombine(String text, String donor, Random random) {
        List<String> donorSentences = SentenceSplitter.split(donor);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int position = 0;
        for (String paragraph : text.split("\n")) {
            List<String> sentences = SentenceSplitter.split(paragraph);
            if (sentences.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            for (int i = 0; i < sentences.size(); i++) {
                boolean swap = random.nextInt(SWAP_ONE_IN) == 0 && !donorSentences.isEmpty();
                String s = swap ? donorSentences.get(position % donorSentences.size()) : sentences.get(i);
                position++;
                if (i > 0) {
                    out.append(' ');
                }
                out.append(s);
            }
        }
        return out.toString();
    }

    private List<JsonNode> readJsonl(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    nodes.add(json.readTree(line));
                }
            }
        }
        return nodes;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
    }

    /**
     * Names FAQ groups so that no two get the same article id (the reader slugs the name), and
     * remembers each group's pairs so none repeats word for word (the reader would skip it).
     */
    private static final class FaqGroups {
        private final String stem;
        private final Map<String, String> nameBySlug = new HashMap<>();
        private final Map<String, String> keyByName = new HashMap<>();
        private final Set<String> seen = new HashSet<>();

        FaqGroups(String stem) {
            this.stem = stem;
        }

        /** The group name to write for {@code name}: itself, or with " #n" when its slug is taken. */
        String key(String name) {
            String known = keyByName.get(name);
            if (known != null) {
                return known;
            }
            String candidate = name;
            for (int n = 2; ; n++) {
                String slug = stem + "-" + JsonlArticleReader.slug(candidate);
                String owner = nameBySlug.putIfAbsent(slug, candidate);
                if (owner == null) {
                    keyByName.put(name, candidate);
                    return candidate;
                }
                candidate = name + " #" + n;
            }
        }

        /** True the first time this question and answer are seen in the group. */
        boolean firstTime(String group, String question, String answer) {
            return seen.add(group + '\u0000' + fingerprint(question.strip() + '\u0000' + answer.strip()));
        }

        int count() {
            return keyByName.size();
        }

        /** 64-bit FNV-1a: a collision can only drop a line, never let a repeat through. */
        private static String fingerprint(String s) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            return Long.toHexString(h) + ':' + s.length();
        }
    }
}
