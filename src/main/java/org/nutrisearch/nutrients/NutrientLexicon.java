package org.nutrisearch.nutrients;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The nutrients NutriSearch knows, with every name they go by, read from a JSON data file so the
 * vocabulary can be edited without touching code. Immutable and thread-safe.
 *
 * <p>File format ({@code nutrients.json} in this package is the default):
 * <pre>{@code
 * { "about": ["free text, ignored"],
 *   "nutrients": [
 *     { "id": "vitamin-d", "label": "Vitamin D",
 *       "aliases": ["vitamin D", "D3", "cholecalciferol"],
 *       "clinical": ["VDD"],
 *       "notes": "free text, ignored" } ] }
 * }</pre>
 * The label, aliases and clinical words are all names of the nutrient; one name may not belong to two
 * nutrients (names are compared as the tagger compares them: case-insensitively, with spaces and
 * hyphens interchangeable).
 */
public final class NutrientLexicon {

    /** Classpath location of the lexicon shipped with NutriSearch. */
    public static final String DEFAULT_RESOURCE = "/org/nutrisearch/nutrients/nutrients.json";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The file as written; records give Jackson the exact set of accepted fields. */
    private record LexiconFile(List<String> about, List<Entry> nutrients) {
    }

    private record Entry(String id, String label, List<String> aliases, List<String> clinical, String notes) {
    }

    private final List<Nutrient> nutrients;
    private final Map<String, Nutrient> byId;

    private NutrientLexicon(List<Nutrient> nutrients) {
        this.nutrients = List.copyOf(nutrients);
        Map<String, Nutrient> index = new LinkedHashMap<>();
        for (Nutrient n : nutrients) {
            index.put(n.id(), n);
        }
        this.byId = Map.copyOf(index);
    }

    /** The lexicon shipped with NutriSearch ({@value #DEFAULT_RESOURCE}). */
    public static NutrientLexicon loadDefault() {
        try (InputStream in = NutrientLexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("nutrient lexicon " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nutrient lexicon " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Reads a lexicon file (UTF-8 JSON). The stream is not closed.
     *
     * @throws IllegalArgumentException naming the problem when the file is malformed: not JSON, an unknown
     *                                  field, no nutrients, a missing/badly formed/duplicate id, an empty label,
     *                                  a blank name, or a name claimed by two nutrients
     * @throws UncheckedIOException     when the stream cannot be read
     */
    public static NutrientLexicon load(InputStream in) {
        LexiconFile file;
        try {
            file = new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE)
                    .readValue(in, LexiconFile.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("nutrient lexicon is not valid: " + e.getOriginalMessage()
                    + locationOf(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nutrient lexicon", e);
        }
        if (file == null || file.nutrients() == null || file.nutrients().isEmpty()) {
            throw new IllegalArgumentException("nutrient lexicon lists no nutrients (expected a non-empty \"nutrients\" array)");
        }
        return new NutrientLexicon(validate(file.nutrients()));
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static List<Nutrient> validate(List<Entry> entries) {
        List<Nutrient> result = new ArrayList<>(entries.size());
        Map<String, Integer> positionOfId = new HashMap<>();
        Map<String, String> ownerOfName = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int position = i + 1;
            if (e == null) {
                throw bad("nutrient #" + position + " is null");
            }
            if (e.id() == null || e.id().isBlank()) {
                throw bad("nutrient #" + position + " has no id");
            }
            if (!ID.matcher(e.id()).matches()) {
                throw bad("nutrient #" + position + " has id \"" + e.id()
                        + "\"; an id is lower-case letters and digits joined by single hyphens, e.g. vitamin-d");
            }
            Integer earlier = positionOfId.putIfAbsent(e.id(), position);
            if (earlier != null) {
                throw bad("duplicate id \"" + e.id() + "\" (nutrients #" + earlier + " and #" + position + ")");
            }
            if (e.label() == null || e.label().isBlank()) {
                throw bad("nutrient \"" + e.id() + "\" has an empty label");
            }
            List<String> aliases = orEmpty(e.aliases());
            List<String> clinical = orEmpty(e.clinical());
            claim(e.id(), "label", e.label(), ownerOfName);
            for (String alias : aliases) {
                claim(e.id(), "alias", alias, ownerOfName);
            }
            for (String word : clinical) {
                claim(e.id(), "clinical word", word, ownerOfName);
            }
            result.add(new Nutrient(e.id(), e.label().strip(), strip(aliases), strip(clinical)));
        }
        return result;
    }

    /** Registers a name of nutrient {@code id}; the same name twice within one nutrient is harmless. */
    private static void claim(String id, String kind, String name, Map<String, String> ownerOfName) {
        String problem = SurfaceForms.problem(name);
        if (problem != null) {
            throw bad("nutrient \"" + id + "\" has " + kind + " \"" + name + "\" that " + problem);
        }
        String owner = ownerOfName.putIfAbsent(SurfaceForms.normalize(name), id);
        if (owner != null && !owner.equals(id)) {
            throw bad(kind + " \"" + name.strip() + "\" of \"" + id + "\" is already claimed by \"" + owner + "\"");
        }
    }

    private static List<String> orEmpty(List<String> names) {
        return names == null ? List.of() : names;
    }

    private static List<String> strip(List<String> names) {
        return names.stream().map(String::strip).toList();
    }

    private static IllegalArgumentException bad(String problem) {
        return new IllegalArgumentException("nutrient lexicon: " + problem);
    }

    /** Every nutrient, in file order. */
    public List<Nutrient> nutrients() {
        return nutrients;
    }

    /** The nutrient with canonical id {@code id} (exact, case-sensitive), if any. */
    public Optional<Nutrient> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** True when {@code id} is the canonical id of a nutrient of this lexicon. */
    public boolean contains(String id) {
        return id != null && byId.containsKey(id);
    }
}
