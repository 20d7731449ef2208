package org.nutrisearch.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Points the native code of ONNX Runtime, the Hugging Face tokenizer (DJL) and JNA at a folder the service
 * owns, and keeps DJL off the network.
 *
 * <p>Left alone, ONNX Runtime unpacks ~28 MB into a fresh {@code java.io.tmpdir/onnxruntime-java*} folder at
 * every start (deleted on a clean exit only), DJL unpacks its tokenizer into {@code ~/.djl.ai}, JNA (which DJL
 * uses to look for CUDA) into {@code ~/.cache/JNA}, and DJL "calls home" to an AWS telemetry address.
 * These are the switches those libraries read (found in their sources):
 * <ul>
 *   <li>ONNX Runtime 1.29 {@code OnnxRuntime}: system property {@code onnxruntime.native.path}, a folder
 *       holding {@code libonnxruntime} and {@code libonnxruntime4j_jni}. We unpack them there once per ONNX
 *       Runtime build. (It still creates an empty {@code onnxruntime-java*} folder in {@code java.io.tmpdir};
 *       only {@code -Djava.io.tmpdir} on the command line moves that.)</li>
 *   <li>DJL 0.38 {@code Utils.getEngineCacheDir}: environment variable or system property
 *       {@code ENGINE_CACHE_DIR}, else {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}.</li>
 *   <li>DJL {@code Utils.isOfflineMode}: {@code DJL_OFFLINE} or {@code ai.djl.offline}; offline skips the
 *       telemetry call ({@code Ec2Utils.callHome}) and never downloads a CUDA build of the tokenizer.</li>
 *   <li>JNA 5.17 {@code Native.getTempDir}: system property {@code jna.tmpdir}.</li>
 * </ul>
 * A value the user already set (system property, or environment variable where the library reads one) wins.
 * The properties are read when those libraries first load, so {@link #useFolder} must run before that: the
 * embedder calls it before it touches them.
 */
public final class NativeLibraries {

    static final String ORT_NATIVE_PATH = "onnxruntime.native.path";
    static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";
    static final String DJL_OFFLINE = "ai.djl.offline";
    static final String JNA_TMPDIR = "jna.tmpdir";

    private static final String ORT_RESOURCES = "ai/onnxruntime/native/";
    private static final String UNKNOWN_BUILD = "unknown";

    private NativeLibraries() {
    }

    /**
     * Makes {@code folder} the home of the native libraries (creating it) and returns the folder the ONNX
     * Runtime libraries were unpacked to, or null when this platform's libraries are not in the jar (ONNX
     * Runtime then falls back to its own lookup).
     */
    public static synchronized Path useFolder(Path folder) throws IOException {
        Path root = Files.createDirectories(folder.toAbsolutePath());
        if (System.getenv(DJL_CACHE_DIR) == null && System.getenv("ENGINE_CACHE_DIR") == null) {
            setUnlessSet(DJL_CACHE_DIR, root.resolve("djl").toString());
        }
        if (System.getenv("DJL_OFFLINE") == null) {
            setUnlessSet(DJL_OFFLINE, "true");
        }
        setUnlessSet(JNA_TMPDIR, Files.createDirectories(root.resolve("jna")).toString());
        if (System.getProperty(ORT_NATIVE_PATH) != null) {
            return Path.of(System.getProperty(ORT_NATIVE_PATH));
        }
        Path ortDir = unpackOnnxRuntime(root);
        if (ortDir != null) {
            System.setProperty(ORT_NATIVE_PATH, ortDir.toString());
        }
        return ortDir;
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * Copies this platform's ONNX Runtime libraries out of the jar into {@code root/onnxruntime-<build>},
     * unless an earlier start already did. The build id (the ONNX Runtime git commit shipped in the jar)
     * names the folder, so a new ONNX Runtime version never loads an old library.
     */
    private static Path unpackOnnxRuntime(Path root) throws IOException {
        ClassLoader loader = NativeLibraries.class.getClassLoader();
        String platformDir = ORT_RESOURCES + onnxRuntimePlatform() + "/";
        // The providers library exists on Windows only; ONNX Runtime looks for it beside its own library.
        List<String> libraries = List.of(System.mapLibraryName("onnxruntime"),
                System.mapLibraryName("onnxruntime4j_jni"), System.mapLibraryName("onnxruntime_providers_shared"));
        if (loader.getResource(platformDir + libraries.get(0)) == null
                || loader.getResource(platformDir + libraries.get(1)) == null) {
            return null;
        }
        String build = onnxRuntimeBuild(loader);
        Path dir = Files.createDirectories(root.resolve("onnxruntime-" + build));
        for (String library : libraries) {
            Path target = dir.resolve(library);
            // Without a build id the folder's contents may come from another version: always refresh them.
            if (!build.equals(UNKNOWN_BUILD) && Files.isRegularFile(target)) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(platformDir + library)) {
                if (in == null) {
                    continue;
                }
                // Unpack beside the target and move, so a concurrent start never loads a half-written file.
                Path partial = Files.createTempFile(dir, library, ".partial");
                try {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
        }
        return dir;
    }

    private static String onnxRuntimeBuild(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("GIT_COMMIT_ID")) {
            String commit = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            return commit.matches("[0-9a-f]{12,}") ? commit.substring(0, 12) : UNKNOWN_BUILD;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform folder name ONNX Runtime's jar uses, e.g. {@code linux-x64} or {@code osx-aarch64}. */
    static String onnxRuntimePlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.contains("mac") || os.contains("darwin") ? "osx" : os.startsWith("win") ? "win" : "linux";
        String archPart = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return osPart + "-" + archPart;
    }
}
