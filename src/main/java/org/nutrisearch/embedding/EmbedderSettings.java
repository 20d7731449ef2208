package org.nutrisearch.embedding;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How an {@link OnnxEmbedder} uses the machine.
 *
 * @param nativeDir      folder the service owns where the native libraries are unpacked (see
 *                       {@link NativeLibraries}); instead of the temp folder and the user's home
 * @param workers        Java threads that embed in parallel in {@link TextEmbedder#embedPassages}
 * @param intraOpThreads ONNX Runtime threads per model call; 0 keeps ONNX Runtime's default (one per
 *                       physical core, which oversubscribes the CPU as soon as two workers run)
 */
public record EmbedderSettings(Path nativeDir, int workers, int intraOpThreads) {

    public EmbedderSettings {
        Objects.requireNonNull(nativeDir, "nativeDir");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (default) or more: " + intraOpThreads);
        }
    }

    /**
     * One worker per available processor, each with a single ONNX Runtime thread: measured the fastest
     * way to embed many texts (docs/embedding-notes.md), and a single query then takes one core only.
     */
    public static EmbedderSettings forMachine(Path nativeDir) {
        return new EmbedderSettings(nativeDir, Runtime.getRuntime().availableProcessors(), 1);
    }
}
