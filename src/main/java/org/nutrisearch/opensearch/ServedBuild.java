package org.nutrisearch.opensearch;

import org.nutrisearch.search.query.Vocabulary;

/**
 * The build behind the aliases as one service instance last read it: its record and its vocabulary,
 * which travel together so that a request's typo corrections come from the build it searches.
 *
 * @param index      the concrete build index read (changes with every build)
 * @param info       what the build holds
 * @param vocabulary its words with their unit counts
 */
public record ServedBuild(String index, BuildInfo info, Vocabulary vocabulary) {
}
