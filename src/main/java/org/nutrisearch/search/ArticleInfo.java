package org.nutrisearch.search;

import java.util.Map;

/** An article as listed: id, title, source and its units counted by kind. */
public record ArticleInfo(String id, String title, String source, Map<String, Integer> counts) {
}
