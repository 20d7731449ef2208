package org.nutrisearch.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.nutrisearch.embedding.EmbedderSettings;
import org.nutrisearch.embedding.EmbeddingModelSpec;
import org.nutrisearch.embedding.OnnxEmbedder;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Thread CPU of the query embedding under other ONNX Runtime session options and without BGE's query
 * instruction, measured against the service's {@link OnnxEmbedder} in one JVM: every query goes through
 * every variant in turn (the order rotating from query to query, so no variant always runs on a warm or a
 * cold cache), which keeps the comparison fair on a machine other processes load. Each session variant's
 * vector for the query with the instruction is compared with the service's: a variant that changes a
 * vector is named. Figures and findings: docs/embedding-notes.md, "Query embedding cost".
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp … org.nutrisearch.bench.QueryEmbeddingVariants NATIVE_DIR [queries]</pre>
 */
public final class QueryEmbeddingVariants {

    /** Session options tried besides the service's (one intra-op thread, all graph optimisations). */
    enum Options {
        SERVICE(o -> { }),
        EXTENDED_OPT(o -> setLevel(o, OrtSession.SessionOptions.OptLevel.EXTENDED_OPT)),
        NO_CPU_ARENA(o -> wrap(() -> o.setCPUArenaAllocator(false))),
        NO_MEMORY_PATTERN(o -> wrap(() -> o.setMemoryPatternOptimization(false))),
        DENORMALS_AS_ZERO(o -> wrap(() -> o.addConfigEntry("session.set_denormal_as_zero", "1")));

        final Consumer<OrtSession.SessionOptions> change;

        Options(Consumer<OrtSession.SessionOptions> change) {
            this.change = change;
        }
    }

    private interface OrtCall {
        void run() throws OrtException;
    }

    private static void wrap(OrtCall call) {
        try {
            call.run();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setLevel(OrtSession.SessionOptions o, OrtSession.SessionOptions.OptLevel level) {
        wrap(() -> o.setOptimizationLevel(level));
    }

    private static final int WARMUP = 200;

    public static void main(String[] args) throws Exception {
        Path nativeDir = Path.of(args.length > 0 ? args[0] : "bench-data/native");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        EmbeddingModelSpec spec = EmbeddingModelSpec.BGE_SMALL_EN_V15_Q;
        List<String> queries = RealQueries.load(RealQueries.dataDir());
        if (queries.size() < WARMUP + count) {
            throw new IllegalArgumentException("only " + queries.size() + " distinct queries");
        }
        try (OnnxEmbedder service = OnnxEmbedder.load(spec, new EmbedderSettings(nativeDir, 1, 1));
             HuggingFaceTokenizer tokenizer = queryTokenizer(spec)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            byte[] model = resource(spec.modelResource());
            Map<String, Embed> variants = new LinkedHashMap<>();
            List<OrtSession> sessions = new ArrayList<>();
            variants.put("service embedQuery", service::embedQuery);
            for (Options options : Options.values()) {
                OrtSession session = session(environment, model, options);
                sessions.add(session);
                variants.put(options + ", instruction", q -> cls(environment, session, tokenizer, spec.queryPrefix() + q));
                variants.put(options + ", no instruction", q -> cls(environment, session, tokenizer, q));
            }
            variants.put("tokenizer alone", q -> {
                tokenizer.encode(spec.queryPrefix() + q);
                return null;
            });
            run(variants, service, spec, queries, count, environment, sessions, tokenizer);
            for (OrtSession session : sessions) {
                session.close();
            }
        }
    }

    private interface Embed {
        float[] of(String query) throws OrtException;
    }

    private static void run(Map<String, Embed> variants, OnnxEmbedder service, EmbeddingModelSpec spec,
                            List<String> queries, int count, OrtEnvironment environment, List<OrtSession> sessions,
                            HuggingFaceTokenizer tokenizer) throws OrtException {
        List<String> names = List.copyOf(variants.keySet());
        long[][] cpu = new long[names.size()][count];
        int[] changed = new int[Options.values().length];
        double cosineSum = 0;
        double cosineMin = 1;
        long tokensWith = 0;
        long tokensWithout = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARMUP + count; i++) {
            String query = queries.get(i);
            for (int k = 0; k < names.size(); k++) {
                int v = (k + i) % names.size(); // rotate the order
                long c0 = threads.getCurrentThreadCpuTime();
                variants.get(names.get(v)).of(query);
                long spent = threads.getCurrentThreadCpuTime() - c0;
                if (i >= WARMUP) {
                    cpu[v][i - WARMUP] = spent;
                }
            }
            if (i < WARMUP) {
                continue;
            }
            float[] served = service.embedQuery(query);
            for (Options options : Options.values()) {
                float[] vector = cls(environment, sessions.get(options.ordinal()), tokenizer, spec.queryPrefix() + query);
                if (!Arrays.equals(served, vector)) {
                    changed[options.ordinal()]++;
                }
            }
            double cosine = dot(served, cls(environment, sessions.get(0), tokenizer, query));
            cosineSum += cosine;
            cosineMin = Math.min(cosineMin, cosine);
            tokensWith += tokenizer.encode(spec.queryPrefix() + query).getIds().length;
            tokensWithout += tokenizer.encode(query).getIds().length;
        }
        System.out.printf(Locale.ROOT, "%d distinct real queries after %d, thread CPU per query (ms), variants interleaved%n",
                count, WARMUP);
        System.out.println("| variant | mean | p50 | p90 | vectors unlike the service's |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int v = 0; v < names.size(); v++) {
            long[] sorted = cpu[v].clone();
            Arrays.sort(sorted);
            String name = names.get(v);
            String unlike = "";
            for (Options options : Options.values()) {
                if (name.equals(options + ", instruction")) {
                    unlike = Integer.toString(changed[options.ordinal()]);
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s |%n", name, Arrays.stream(sorted).average().orElse(0) / 1e6,
                    sorted[count / 2] / 1e6, sorted[count * 9 / 10] / 1e6, unlike);
        }
        System.out.printf(Locale.ROOT, "tokens per query: %.1f with the instruction, %.1f without;"
                        + " cosine of the two vectors: mean %.4f, min %.4f%n", (double) tokensWith / count,
                (double) tokensWithout / count, cosineSum / count, cosineMin);
        System.out.printf(Locale.ROOT, "load average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static OrtSession session(OrtEnvironment environment, byte[] model, Options options) throws OrtException {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            // The service's settings (OnnxEmbedder.load), then the variant's change.
            o.setIntraOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.change.accept(o);
            return environment.createSession(model, o);
        }
    }

    /** The model's [CLS] vector of {@code text}, L2-normalised: what {@link OnnxEmbedder} computes for BGE. */
    private static float[] cls(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
                               String text) throws OrtException {
        Encoding encoding = tokenizer.encode(text);
        long[] shape = {1, encoding.getIds().length};
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getIds()), shape);
             OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] vector = new float[EmbeddingModelSpec.BGE_SMALL_EN_V15_Q.dimension()];
            hidden.get(0, vector);
            double sum = 0;
            for (float x : vector) {
                sum += (double) x * x;
            }
            float scale = (float) (1 / Math.sqrt(sum));
            for (int d = 0; d < vector.length; d++) {
                vector[d] *= scale;
            }
            return vector;
        }
    }

    /** The service's query tokenizer: no padding, cut at {@link OnnxEmbedder#MAX_QUERY_TOKENS}. */
    private static HuggingFaceTokenizer queryTokenizer(EmbeddingModelSpec spec) throws IOException {
        try (InputStream in = QueryEmbeddingVariants.class.getClassLoader().getResourceAsStream(spec.tokenizerResource())) {
            return HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "true",
                    "maxLength", Integer.toString(OnnxEmbedder.MAX_QUERY_TOKENS),
                    "modelMaxLength", Integer.toString(spec.maxTokens())));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = QueryEmbeddingVariants.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("not on the classpath: " + name);
            }
            return in.readAllBytes();
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
