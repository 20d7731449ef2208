package org.nutrisearch.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A {@link TextEmbedder} running a BERT-style ONNX model in process on the CPU (ONNX Runtime) with the
 * model's own Hugging Face tokenizer.
 *
 * <p>Loading takes about a second and ~130 MB of native memory (almost nothing on the Java heap: the model is
 * read into a direct buffer), so load one instance per model and share it: it is thread-safe. Each text is run on its own (batch of one), so a text's vector never depends on which
 * other texts were embedded with it (the int8 model quantizes activations per call, so padding a batch
 * would change the numbers). Texts longer than the model's {@code maxTokens} are cut off there.
 *
 * <p>The native model is freed only when no call is running in it: {@link #close} waits for calls in flight
 * (and makes new ones fail). Whoever loads an embedder closes it, after stopping the work that uses it: a JVM
 * that exits while a call is inside ONNX Runtime can die with SIGSEGV in {@code libonnxruntime.so} (the
 * library's own shutdown hook frees its environment under the call), so the commands handle SIGTERM and
 * Ctrl-C themselves and exit only once their embedder is closed. There is no shutdown hook here: hooks run
 * all at once, in no order, and cannot keep that order.
 */
public final class OnnxEmbedder implements TextEmbedder, AutoCloseable {

    private final EmbeddingModelSpec spec;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Set<String> inputNames;
    private final HuggingFaceTokenizer tokenizer;
    /** The same tokenizer cutting at {@link #MAX_QUERY_TOKENS}. */
    private final HuggingFaceTokenizer queryTokenizer;
    private final ExecutorService workers;
    private final int workerCount;
    /** Shared by every call into native code, exclusive for freeing it. */
    private final ReentrantReadWriteLock inFlight = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private boolean released; // guarded by the write lock of inFlight

    /**
     * Tokens (special ones and the query instruction included) a query is cut at. A query's cost grows
     * with its tokens: a valid query of one 490-letter word made about 200 tokens, where a question people
     * type makes 15 to 30 (the query instruction adds 9).
     */
    public static final int MAX_QUERY_TOKENS = 64;

    private OnnxEmbedder(EmbeddingModelSpec spec, OrtEnvironment environment, OrtSession session,
                         HuggingFaceTokenizer tokenizer, HuggingFaceTokenizer queryTokenizer, int workerCount)
            throws OrtException {
        this.spec = spec;
        this.environment = environment;
        this.session = session;
        this.inputNames = session.getInputNames();
        this.tokenizer = tokenizer;
        this.queryTokenizer = queryTokenizer;
        this.workerCount = workerCount;
        this.workers = workerCount > 1 ? Executors.newFixedThreadPool(workerCount, daemonThreads(spec.id())) : null;
    }

    /** Loads the model and tokenizer of {@code spec} from the classpath. */
    public static OnnxEmbedder load(EmbeddingModelSpec spec, EmbedderSettings settings) throws IOException {
        Objects.requireNonNull(spec, "spec");
        NativeLibraries.useFolder(settings.nativeDir());
        ByteBuffer model = readResourceOffHeap(spec.modelResource());
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (settings.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(settings.intraOpThreads());
            }
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(model, options);
            return new OnnxEmbedder(spec, environment, session, loadTokenizer(spec, spec.maxTokens()),
                    loadTokenizer(spec, Math.min(MAX_QUERY_TOKENS, spec.maxTokens())), settings.workers());
        } catch (OrtException | IOException | RuntimeException e) {
            if (session != null) {
                closeQuietly(session);
            }
            throw e instanceof IOException io ? io
                    : new IOException("Cannot load embedding model " + spec.id() + ": " + e.getMessage(), e);
        }
    }

    private static HuggingFaceTokenizer loadTokenizer(EmbeddingModelSpec spec, int maxTokens) throws IOException {
        try (InputStream in = resource(spec.tokenizerResource()).openStream()) {
            // No padding (one text per call); cut long texts at the limit instead of failing.
            return HuggingFaceTokenizer.newInstance(in, Map.of(
                    "padding", "false",
                    "truncation", "true",
                    "maxLength", Integer.toString(maxTokens),
                    "modelMaxLength", Integer.toString(spec.maxTokens())));
        }
    }

    /**
     * Reads a resource into a direct buffer: ONNX Runtime parses the model from native memory, so the
     * 34 MB model never passes through the Java heap.
     */
    private static ByteBuffer readResourceOffHeap(String name) throws IOException {
        URLConnection connection = resource(name).openConnection();
        long size = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(size > 0 ? Math.toIntExact(size) : 64 << 20);
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = in.read(chunk)) > 0; ) {
                if (buffer.remaining() < n) {
                    ByteBuffer larger = ByteBuffer.allocateDirect(buffer.capacity() * 2);
                    larger.put(buffer.flip());
                    buffer = larger;
                }
                buffer.put(chunk, 0, n);
            }
            return buffer.flip();
        }
    }

    private static URL resource(String name) throws IOException {
        URL url = OnnxEmbedder.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IOException("Embedding model resource not on the classpath: " + name
                    + " (is the model's Maven dependency missing?)");
        }
        return url;
    }

    @Override
    public String modelId() {
        return spec.id();
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    /** The model this embedder runs. */
    public EmbeddingModelSpec spec() {
        return spec;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(queryTokenizer, spec.queryPrefix() + Objects.requireNonNull(query, "query"));
    }

    @Override
    public float[] embedPassage(String passage) {
        return embed(tokenizer, spec.passagePrefix() + Objects.requireNonNull(passage, "passage"));
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        List<String> texts = List.copyOf(passages);
        float[][] vectors = new float[texts.size()][];
        if (workers == null || texts.size() < 2) {
            for (int i = 0; i < texts.size(); i++) {
                vectors[i] = embedPassage(texts.get(i));
            }
            return Arrays.asList(vectors);
        }
        // Each worker takes the next text when it is done with one: texts differ a lot in length.
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < Math.min(workerCount, texts.size()); w++) {
            try {
                running.add(workers.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < texts.size(); ) {
                        vectors[i] = embedPassage(texts.get(i));
                    }
                }));
            } catch (RejectedExecutionException e) {
                // Closed while the workers were being started: the caller sees what any call after a close sees.
                next.set(texts.size());
                throw new IllegalStateException("Embedder " + spec.id() + " is closed", e);
            }
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                running.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while embedding", e);
            } catch (ExecutionException e) {
                next.set(texts.size());
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return Arrays.asList(vectors);
    }

    /** How many tokens the model sees for {@code text}: special tokens included, at most {@code maxTokens}. */
    int countTokens(String text) {
        return guarded(() -> tokenizer.encode(text).getIds().length);
    }

    /** How many tokens the model sees for the query {@code text}: its instruction and special tokens included. */
    int countQueryTokens(String text) {
        return guarded(() -> queryTokenizer.encode(spec.queryPrefix() + text).getIds().length);
    }

    /** Calls running in native code right now. */
    int callsInFlight() {
        return inFlight.getReadLockCount();
    }

    /** Runs {@code call} (which uses the native tokenizer or model) unless the embedder is closed. */
    private <T> T guarded(Supplier<T> call) {
        if (closed) { // checked before locking too, so no new call queues up behind a waiting close
            throw new IllegalStateException("Embedder " + spec.id() + " is closed");
        }
        Lock lock = inFlight.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Embedder " + spec.id() + " is closed");
            }
            return call.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs one text through {@code tokens} and the model and returns its pooled, L2-normalised vector. */
    private float[] embed(HuggingFaceTokenizer tokens, String text) {
        return guarded(() -> embedUnguarded(tokens, text));
    }

    private float[] embedUnguarded(HuggingFaceTokenizer tokens, String text) {
        Encoding encoding = tokens.encode(text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        long[] shape = {1, ids.length};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (inputNames.contains("token_type_ids")) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                // Output 0 is last_hidden_state, [1, tokens, dimension].
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return normalise(pool(hidden, mask));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Embedding model " + spec.id() + " failed: " + e.getMessage(), e);
        }
    }

    private float[] pool(FloatBuffer hidden, long[] mask) {
        int dim = spec.dimension();
        if (hidden.remaining() != mask.length * dim) {
            throw new IllegalStateException("Model output has " + hidden.remaining() + " values, expected "
                    + mask.length + " tokens x " + dim);
        }
        float[] vector = new float[dim];
        if (spec.pooling() == EmbeddingModelSpec.Pooling.CLS) {
            hidden.get(0, vector);
            return vector;
        }
        int counted = 0;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            counted++;
            for (int d = 0; d < dim; d++) {
                vector[d] += hidden.get(t * dim + d);
            }
        }
        for (int d = 0; d < dim; d++) {
            vector[d] /= Math.max(counted, 1);
        }
        return vector;
    }

    static float[] normalise(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum == 0) {
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    /**
     * Frees the native model and tokenizer once the calls running in them are done (waiting at most
     * {@value #RELEASE_WAIT_SECONDS} s); calls made from now on throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        release();
    }

    static final int RELEASE_WAIT_SECONDS = 10;

    private void release() {
        closed = true;
        if (workers != null) {
            workers.shutdownNow(); // a worker finishes the text it is on, then finds the embedder closed
        }
        Lock lock = inFlight.writeLock();
        boolean locked;
        try {
            locked = lock.tryLock(RELEASE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            return; // a call is still in native code: freeing under it would crash, so leave it to the OS
        }
        try {
            if (!released) {
                released = true;
                tokenizer.close();
                queryTokenizer.close();
                closeQuietly(session);
            }
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing left to do: the process is dropping the model either way.
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String modelId) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "embed-" + modelId + "-" + count.incrementAndGet());
            // Daemon: an embedder that was never closed must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
