package org.nutrisearch.search;

/**
 * Which build of the index a backend serves, for operators ({@code GET /ready}).
 *
 * @param id     the build: the embedded index's generation ({@code gen-000004}), the OpenSearch unit
 *               index of the build ({@code nutrisearch-20261206-221500-123})
 * @param corpus SHA-256 of the manifest of the corpus it was built from, or null when the build does
 *               not say (built before manifests were kept, or from articles without a corpus folder)
 */
public record IndexBuild(String id, String corpus) {
}
