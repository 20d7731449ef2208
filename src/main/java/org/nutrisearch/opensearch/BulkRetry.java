package org.nutrisearch.opensearch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Sends documents in batches and sends again, after a growing pause, the ones the cluster rejected
 * because it was busy (HTTP 429), so a short overload slows an indexing run down instead of failing it.
 * Any other item error fails the run: retrying a mapping error would fail again.
 *
 * @param <T> the document type
 */
final class BulkRetry<T> {

    /** HTTP status of an item the cluster had no room for (write queue full, indexing pressure). */
    static final int TOO_MANY_REQUESTS = 429;

    /** Sends one batch; returns one outcome per document, in order. */
    @FunctionalInterface
    interface BatchSender<T> {
        List<ItemOutcome> send(List<T> batch) throws IOException;
    }

    /** The cluster's answer for one document: its HTTP status and, when it failed, why. */
    record ItemOutcome(int status, String error) {
        static ItemOutcome ok() {
            return new ItemOutcome(200, null);
        }

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** Pauses between attempts; tests replace it to run without waiting. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    /** What a run did: documents sent, batches, and how many item sends were repeats after a 429. */
    record Stats(int documents, int batches, int retriedItems) {
    }

    private final int batchSize;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;

    BulkRetry(int batchSize, int maxRetries, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries must not be negative, was " + maxRetries);
        }
        this.batchSize = batchSize;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
    }

    /**
     * Sends every document. Throws {@link BulkIndexingException} when an item fails for a reason other
     * than 429, or is still rejected after {@code maxRetries} retries.
     */
    Stats sendAll(List<T> documents, Function<T, String> idOf, BatchSender<T> sender) throws IOException {
        int batches = 0;
        int retried = 0;
        for (int from = 0; from < documents.size(); from += batchSize) {
            List<T> pending = documents.subList(from, Math.min(documents.size(), from + batchSize));
            Duration pause = initialBackoff;
            for (int attempt = 0; ; attempt++) {
                List<ItemOutcome> outcomes = sender.send(pending);
                batches++;
                if (outcomes.size() != pending.size()) {
                    throw new IllegalStateException(outcomes.size() + " outcomes for " + pending.size() + " documents");
                }
                List<T> rejected = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    ItemOutcome outcome = outcomes.get(i);
                    if (outcome.succeeded()) {
                        continue;
                    }
                    if (outcome.status() != TOO_MANY_REQUESTS) {
                        throw new BulkIndexingException("document " + idOf.apply(pending.get(i)) + " failed with status "
                                + outcome.status() + ": " + outcome.error());
                    }
                    rejected.add(pending.get(i));
                }
                if (rejected.isEmpty()) {
                    break;
                }
                if (attempt == maxRetries) {
                    throw new BulkIndexingException(rejected.size() + " documents still rejected (429) after "
                            + maxRetries + " retries");
                }
                retried += rejected.size();
                pending = rejected;
                pauseFor(pause);
                pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
            }
        }
        return new Stats(documents.size(), batches, retried);
    }

    private void pauseFor(Duration pause) throws IOException {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while backing off from a rejected bulk request");
        }
    }
}
