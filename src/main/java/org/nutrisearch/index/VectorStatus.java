package org.nutrisearch.index;

import java.util.Locale;

/**
 * Where the served index's vectors stand, for {@code /health}: off, the model loading, units being embedded
 * (how many of how many, how fast, how long still), the index being switched to the embedded generation,
 * ready, or unavailable. Written by the start-up work, read by requests. Thread-safe.
 */
public final class VectorStatus {

    /** The states, in the order a start-up passes through them. */
    public enum State {
        /** Vectors are switched off (lexical search only). */
        OFF,
        /** The embedding model is loading. */
        LOADING_MODEL,
        /** The served units are being embedded in the background; searches run lexically meanwhile. */
        EMBEDDING,
        /** Every unit is embedded; the index with vectors is being built from the cache and switched to. */
        SWITCHING,
        /** Semantic and hybrid search are on. */
        READY,
        /** The model or the vectors could not be had; searches run lexically. */
        UNAVAILABLE;

        /** The name in the API: lower case, words joined by '_'. */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What {@code /health} shows.
     *
     * @param state          where the vectors stand
     * @param done           units embedded so far (while embedding, else null)
     * @param total          units to embed (while embedding, else null)
     * @param unitsPerSecond embedding speed so far (while embedding, once measurable, else null)
     * @param secondsLeft    estimated time left at that speed (while embedding, once measurable, else null)
     */
    public record Snapshot(String state, Integer done, Integer total, Double unitsPerSecond, Long secondsLeft) {
    }

    private volatile State state;
    private volatile int done;
    private volatile int total;
    private volatile long embeddingSince;

    public VectorStatus(State initial) {
        this.state = initial;
    }

    public void set(State state) {
        this.state = state;
    }

    public State state() {
        return state;
    }

    /** Embedding starts: {@code total} units to go. */
    public void embedding(int total) {
        this.total = total;
        this.done = 0;
        this.embeddingSince = System.nanoTime();
        this.state = State.EMBEDDING;
    }

    /** {@code done} units embedded so far. */
    public void progress(int done) {
        this.done = done;
    }

    public Snapshot snapshot() {
        State s = state;
        if (s != State.EMBEDDING) {
            return new Snapshot(s.apiName(), null, null, null, null);
        }
        int d = done;
        int t = total;
        double seconds = (System.nanoTime() - embeddingSince) / 1e9;
        if (d == 0 || seconds <= 0) {
            return new Snapshot(s.apiName(), d, t, null, null);
        }
        double rate = d / seconds;
        return new Snapshot(s.apiName(), d, t, Math.round(rate * 10) / 10.0, Math.round(Math.max(0, t - d) / rate));
    }
}
