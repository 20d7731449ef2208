package org.nutrisearch.opensearch;

/**
 * How an index is spread over a cluster.
 *
 * @param shards   primary shards (1 is right for a corpus this size; more only to spread load)
 * @param replicas copies of each shard on other nodes, so a node can fail without losing searches
 */
public record IndexLayout(int shards, int replicas) {
    public IndexLayout {
        if (shards < 1 || shards > 64) {
            throw new IllegalArgumentException("shards must be 1..64, was " + shards);
        }
        if (replicas < 0 || replicas > 8) {
            throw new IllegalArgumentException("replicas must be 0..8, was " + replicas);
        }
    }

    /** One shard, no replica: a single-node cluster. */
    public static IndexLayout single() {
        return new IndexLayout(1, 0);
    }
}
