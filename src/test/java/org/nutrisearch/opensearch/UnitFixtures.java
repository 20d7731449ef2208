package org.nutrisearch.opensearch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The 20 units of four small articles in units.json, for the OpenSearch tests. */
final class UnitFixtures {

    /** Synonym rules the tests index with (Solr format, as the project's synonyms.txt). */
    static final List<String> SYNONYMS = List.of(
            "# test rules",
            "charley horse, leg cramp",
            "hypokalaemia, hypokalemia");

    private UnitFixtures() {
    }

    static List<UnitDocument> units() {
        try (InputStream in = UnitFixtures.class.getResourceAsStream("units.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<UnitDocument>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
