package org.nutrisearch.opensearch;

import org.nutrisearch.search.query.Vocabulary;

import java.util.List;

/**
 * The build behind the aliases as one service instance last read it: its record, its vocabulary and
 * its topics, which travel together so that a request's typo corrections come from the build it
 * searches, and the answer service's gazetteer is built once per build (it compares the topics list
 * by identity: one instance per build read).
 *
 * @param index      the concrete build index read (changes with every build)
 * @param info       what the build holds
 * @param vocabulary its words with their unit counts
 * @param topics     every unit's article title, focus and heading, distinct (empty for builds made
 *                   before topics were kept)
 */
public record ServedBuild(String index, BuildInfo info, Vocabulary vocabulary, List<String> topics) {
    public ServedBuild {
        topics = List.copyOf(topics);
    }
}
