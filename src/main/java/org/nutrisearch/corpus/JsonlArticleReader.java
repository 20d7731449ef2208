package org.nutrisearch.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads articles from a JSON Lines file, one line at a time (the file is never held in memory whole).
 *
 * <p>Two kinds of line are understood:
 * <ul>
 *   <li>a document, {@code {"id" or "_id", "title", "text", "url"?}} (NFCorpus): one article with one
 *       section headed by its title; its source is the url when there is one, else the file;</li>
 *   <li>an FAQ pair, {@code {"question", "answer", "source"?, "focus"?, "qtype"?, "url"?, "id"?}} (MedQuAD):
 *       pairs are grouped by topic, their {@code source} and {@code focus}, into one article each, id
 *       {@code <file-stem>-<source-slug>-<focus-slug>} (e.g. {@code medquad-mplushealthtopics-flu}),
 *       titled by the focus (the source name when there is none), cited by the first pair's url,
 *       entries in file order. Each entry keeps its focus and its question type ({@code qtype}, or
 *       what its question asks). Without a source, the group is named after the file.</li>
 * </ul>
 * A line that is not UTF-8, not a JSON object, or lacks the fields of either kind is skipped and
 * reported with its line number; so is a document whose id came earlier in the file, and an FAQ pair
 * repeating an earlier pair of its group word for word (MedQuAD reuses ids for different pairs, so
 * ids alone do not make FAQ pairs duplicates). Blank lines are ignored.
 */
public final class JsonlArticleReader {

    /** Longest line read; longer lines are skipped as malformed (no article is anywhere near this). */
    public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final int maxLineBytes;

    public JsonlArticleReader() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    public JsonlArticleReader(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Reads the file the user named (a link there is followed; a pipe, socket or device is refused). Bad
     * lines become problems of the result; only a file that cannot be read at all throws.
     */
    public CorpusLoad read(Path file) throws CorpusException {
        return read(file, CorpusFiles.readablePath(file));
    }

    /** Reads {@code readable}, a path checked by {@link CorpusFiles#readablePath}, naming it {@code file}. */
    CorpusLoad read(Path file, Path readable) throws CorpusException {
        FileState state = new FileState(file);
        try (InputStream in = CorpusFiles.open(readable);
             ByteLineReader lines = new ByteLineReader(in, maxLineBytes)) {
            for (ByteLineReader.Line line = lines.next(); line != null; line = lines.next()) {
                state.line(line);
            }
        } catch (NoSuchFileException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new CorpusException(file, SkipReason.UNREADABLE, "cannot be read (" + e.getMessage() + ")", e);
        }
        return state.result();
    }

    /** The URL-safe lower-case form of a name: "CancerGov" -> "cancergov", "MPlus Topics" -> "mplus-topics". */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" : s;
    }

    /** What one file's reading accumulates. */
    private final class FileState {
        private final Path file;
        private final String shown;
        private final String stem;
        private final List<Object> order = new ArrayList<>(); // Article or FaqGroup, in order of first line
        private final Map<String, Integer> documentLines = new HashMap<>();
        private final Map<String, FaqGroup> groups = new LinkedHashMap<>();
        private final Set<String> groupIds = new HashSet<>();
        private final CorpusProblems problems = new CorpusProblems();
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        FileState(Path file) {
            this.file = file;
            this.shown = CorpusPaths.display(file);
            this.stem = CorpusPaths.stem(file);
        }

        void line(ByteLineReader.Line line) {
            int n = line.number();
            if (line.tooLong()) {
                problem(n, SkipReason.MALFORMED_LINE, "line longer than " + maxLineBytes + " bytes");
                return;
            }
            String text;
            try {
                text = utf8.decode(ByteBuffer.wrap(line.bytes())).toString();
            } catch (MalformedInputException e) {
                problem(n, SkipReason.INVALID_UTF8, "not valid UTF-8 (" + badByte(line.bytes()) + ")");
                return;
            } catch (CharacterCodingException e) {
                problem(n, SkipReason.INVALID_UTF8, "not valid UTF-8");
                return;
            }
            if (n == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                return;
            }
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (JsonProcessingException e) {
                problem(n, SkipReason.MALFORMED_LINE, "not JSON (" + e.getOriginalMessage() + ")");
                return;
            }
            if (!node.isObject()) {
                problem(n, SkipReason.MALFORMED_LINE, "not a JSON object but " + kindOf(node));
                return;
            }
            if (node.has("question") || node.has("answer")) {
                faq(n, node);
            } else if (node.has("title") || node.has("text")) {
                document(n, node);
            } else {
                problem(n, SkipReason.MISSING_FIELDS,
                        "neither a document (id, title, text) nor an FAQ pair (question, answer)");
            }
        }

        private void document(int n, JsonNode node) {
            String id = string(node, "id");
            if (id == null) {
                id = string(node, "_id");
            }
            String title = string(node, "title");
            String text = string(node, "text");
            List<String> missing = new ArrayList<>();
            if (id == null) {
                missing.add("id");
            }
            if (title == null) {
                missing.add("title");
            }
            if (text == null) {
                missing.add("text");
            }
            if (!missing.isEmpty()) {
                problem(n, SkipReason.MISSING_FIELDS, "document without " + String.join(", ", missing));
                return;
            }
            String tooLong = firstOver(UnitLimits.over("id", id, UnitLimits.MAX_ID),
                    UnitLimits.over("title", title.strip(), UnitLimits.MAX_LABEL),
                    UnitLimits.over("text", text.strip(), UnitLimits.MAX_TEXT));
            if (tooLong != null) {
                problem(n, SkipReason.TOO_LARGE, tooLong);
                return;
            }
            Integer first = documentLines.putIfAbsent(id, n);
            if (first != null) {
                problem(n, SkipReason.DUPLICATE_ID, "duplicate id '" + id + "' (first on line " + first + ")");
                return;
            }
            String url = string(node, "url");
            if (url == null && node.get("metadata") != null) {
                url = string(node.get("metadata"), "url"); // NFCorpus keeps it there
            }
            order.add(new Article(id, title.strip(), url != null ? url : shown, null, List.of(),
                    List.of(new Section(title.strip(), null, text.strip())), List.of(), List.of(), null));
        }

        private void faq(int n, JsonNode node) {
            String question = string(node, "question");
            String answer = string(node, "answer");
            if (question == null || answer == null) {
                problem(n, SkipReason.MISSING_FIELDS, "FAQ pair without " + (question == null ? "question" : "answer"));
                return;
            }
            String source = string(node, "source");
            String focus = string(node, "focus");
            String url = string(node, "url");
            QuestionType type = QuestionType.fromLabel(string(node, "qtype"));
            if (type == null) {
                type = QuestionTypeClassifier.classify(question);
            }
            String sourceKey = source == null ? "" : source.strip();
            String focusKey = focus == null ? "" : focus.strip();
            String tooLong = firstOver(UnitLimits.over("question", question.strip(), UnitLimits.MAX_LABEL),
                    UnitLimits.over("answer", answer.strip(), UnitLimits.MAX_TEXT),
                    UnitLimits.over("source", sourceKey, UnitLimits.MAX_LABEL),
                    UnitLimits.over("focus", focusKey, UnitLimits.MAX_LABEL),
                    url == null ? null : UnitLimits.over("url", url, UnitLimits.MAX_LABEL));
            if (tooLong != null) {
                problem(n, SkipReason.TOO_LARGE, tooLong);
                return;
            }
            String key = sourceKey + "\u0000" + focusKey;
            FaqGroup group = groups.get(key);
            if (group == null) {
                String base = source == null ? stem : stem + "-" + slug(sourceKey);
                String id = uniqueId(focus == null ? base : base + "-" + slug(focusKey));
                String title = focus != null ? focusKey : source != null ? sourceKey : stem;
                group = new FaqGroup(id, title, url != null ? url : shown);
                groups.put(key, group);
                order.add(group);
            }
            FaqEntry entry = new FaqEntry(question.strip(), answer.strip(), focus == null ? null : focusKey, type,
                    url);
            Integer first = group.lines.putIfAbsent(List.of(entry.question(), entry.answer()), n);
            if (first != null) {
                problem(n, SkipReason.DUPLICATE_ID, "repeats the question and answer of line " + first);
                return;
            }
            group.entries.add(entry);
        }

        /** {@code id}, or {@code id-2}, {@code id-3} … when an earlier group of the file took it. */
        private String uniqueId(String id) {
            String unique = id;
            for (int i = 2; !groupIds.add(unique); i++) {
                unique = id + "-" + i;
            }
            return unique;
        }

        private void problem(int line, SkipReason reason, String detail) {
            problems.add(new CorpusProblem(shown, line, reason, detail));
        }

        CorpusLoad result() {
            List<Article> articles = new ArrayList<>(order.size());
            for (Object o : order) {
                if (o instanceof Article a) {
                    articles.add(a);
                } else if (o instanceof FaqGroup g) {
                    articles.add(new Article(g.id, g.title, g.source, null, List.of(), List.of(), g.entries, List.of(),
                            null));
                }
            }
            return problems.load(articles);
        }
    }

    /**
     * The FAQ pairs of one topic (source and focus); {@code lines} maps each question and answer to its
     * first line, to spot repeats.
     */
    private static final class FaqGroup {
        final String id;
        final String title;
        final String source;
        final List<FaqEntry> entries = new ArrayList<>();
        final Map<List<String>, Integer> lines = new HashMap<>();

        FaqGroup(String id, String title, String source) {
            this.id = id;
            this.title = title;
            this.source = source;
        }
    }

    private static String firstOver(String... overLimits) {
        for (String o : overLimits) {
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** A non-blank string field (numbers count, as ids often are); null otherwise. */
    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !(value.isTextual() || value.isNumber())) {
            return null;
        }
        String s = value.asText();
        return s.isBlank() ? null : s;
    }

    private static String kindOf(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    /** "byte 0xFF at offset 12" for the first byte of a line that does not decode. */
    private static String badByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        int offset = Math.min(in.position(), bytes.length - 1);
        return String.format("byte 0x%02X at offset %d of the line", bytes[offset] & 0xFF, offset);
    }
}
