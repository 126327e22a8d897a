package dev.dualpath.bench;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.conformance.fake.AttemptScript;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.ServerScript;
import dev.dualpath.conformance.fake.SseScript;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * <b>Question:</b> what does a streamed call cost on each path — time to first token (TTFT) and
 * total time — when the provider paces {@code events} events {@code gapMs} apart (20 events 5 ms
 * apart by default), and how much does each event cost on top of the raw transport? The bars: on
 * {@code SYNC_STREAM}, TTFT within 1.1× {@code RAW_TRANSPORT}'s time to its first body bytes;
 * per-event overhead ≤ 5 µs and ≤ 1 KB allocated.
 *
 * <p>{@code firstToken}: one op opens a stream and waits for its first item (the first decoded
 * chunk; for {@code RAW_TRANSPORT} the first body bytes); the rest of the stream is read and the
 * call closed in an invocation-level tear-down, outside the measured time (an op lasts at least one
 * gap, so the tear-down's own cost does not distort it). {@code wholeStream}: one op reads a whole
 * stream. Paths ({@link StreamPath}): the raw streaming transport, {@code streamSync()}, the
 * publisher ({@code stream()}, one chunk requested at a time), the compat layer's {@code
 * SHARED_LOOP} and {@code LOOP_PER_CALL} over streaming (the caller blocks for each chunk), and
 * openai-java's {@code createStreaming} (OkHttp).
 *
 * <p>Per-event overhead: {@code wholeStream} at {@code -p gapMs=0} (nothing to wait for, so the
 * time is the work): {@code (path − RAW_TRANSPORT) / (events + 2)} per event; memory: {@code -prof
 * gc}'s {@code gc.alloc.rate.norm} of the same runs, over the same count. At the paced default the
 * total time is about {@code events × gapMs} on every path; the difference is the figure.
 *
 * <p>The stream is played by the raw-socket server (one HTTP chunk per event, flushed, on a fixed
 * schedule counted from the headers): {@code events} content deltas, the last written together with
 * the finish chunk, a usage-only chunk and {@code [DONE]} — {@code events + 2} chunks delivered.
 * {@code @Setup} reads one whole stream on the path under test and fails unless it delivered them
 * all, with the expected text.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StreamingBenchmark -prof gc}, or
 * through the profiles ({@code ./dualpath run --profile full --only streaming}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class StreamingBenchmark {

    @Param({
        "RAW_TRANSPORT",
        "SYNC_STREAM",
        "ASYNC_PUBLISHER",
        "SHARED_LOOP",
        "LOOP_PER_CALL",
        "OPENAI_JAVA"
    })
    public StreamPath path;

    @Param({"20"})
    public int events;

    @Param({"5"})
    public int gapMs;

    @Param({"APACHE"})
    public TransportKind transport;

    private Setup setup;

    /** What every path needs, built once per fork outside measured time. */
    record Setup(
            FakeProvider provider,
            Target target,
            OpenAIClient openAi,
            ChatCompletionCreateParams openAiParams) {

        ChatRequest request() {
            return target.request();
        }
    }

    /** The call a {@code firstToken} op opened, finished outside the measured time. */
    @State(Scope.Thread)
    public static class Opened {
        StreamPath.Handle handle;

        /** Reads the rest of the stream and closes it. */
        @TearDown(Level.Invocation)
        public void finish() {
            if (handle != null) {
                try (StreamPath.Handle h = handle) {
                    while (h.next() != null) {
                        // drained so that the connection goes back to the pool
                    }
                } finally {
                    handle = null;
                }
            }
        }
    }

    @org.openjdk.jmh.annotations.Setup(Level.Trial)
    public void setUp() {
        FakeProvider provider = FakeProvider.start(FakeProvider.Options.benchmark());
        try {
            provider.apply(
                    new ServerScript(
                            List.of(
                                    AttemptScript.stream(
                                            SseScript.paced(
                                                    events(events), Duration.ofMillis(gapMs)))),
                            true,
                            null));
            Target target =
                    Target.over(
                            provider.baseUrl(),
                            transport.factory(TransportConfig.DEFAULTS),
                            ContinuationExecutor.OWNED_POOL);
            setup =
                    new Setup(
                            provider,
                            target,
                            StreamPath.openAiClient(provider.baseUrl().toString()),
                            StreamPath.openAiParams(target.request()));
        } catch (RuntimeException e) {
            provider.close();
            throw e;
        }
        check();
    }

    /**
     * Reads one whole stream on {@link #path} and fails fast unless it delivered {@code events + 2}
     * items with the expected text (the raw path: the expected bytes); a benchmark of a broken path
     * would measure how fast it fails.
     *
     * @throws IllegalStateException naming the path and what it delivered
     */
    void check() {
        List<Object> items = new ArrayList<>();
        try (StreamPath.Handle h = path.open(setup)) {
            for (Object item = h.next(); item != null; item = h.next()) {
                items.add(item);
            }
        }
        StringBuilder text = new StringBuilder();
        long bytes = 0;
        for (Object item : items) {
            if (item instanceof ChatChunk c && c.content() != null) {
                text.append(c.content());
            } else if (item instanceof ChatCompletionChunk c && !c.choices().isEmpty()) {
                c.choices().get(0).delta().content().ifPresent(text::append);
            } else if (item instanceof Integer n) {
                bytes += n;
            }
        }
        boolean ok =
                path == StreamPath.RAW_TRANSPORT
                        ? bytes == streamBytes(events)
                        : items.size() == events + 2
                                && text.toString().equals(expectedText(events));
        if (!ok) {
            throw new IllegalStateException(
                    "setup check failed: path "
                            + path
                            + " delivered "
                            + items.size()
                            + " items, "
                            + bytes
                            + " raw bytes, text '"
                            + text
                            + "'");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (setup != null) {
            try {
                setup.openAi().close();
                setup.target().close();
            } finally {
                setup.provider().close();
            }
        }
    }

    /** Opens a stream and returns its first item: time to first token. */
    @Benchmark
    public Object firstToken(Opened opened) {
        opened.handle = path.open(setup);
        return opened.handle.next();
    }

    /** Opens a stream and reads it to its end: total time. */
    @Benchmark
    public int wholeStream() {
        int n = 0;
        try (StreamPath.Handle h = path.open(setup)) {
            while (h.next() != null) {
                n++;
            }
        }
        return n;
    }

    /** The text the {@code count} deltas carry together. */
    static String expectedText(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(delta(i));
        }
        return sb.toString();
    }

    private static String delta(int i) {
        return "tok" + i + " ";
    }

    /**
     * The events the stub writes: {@code count} content deltas, the last followed in the same write
     * by a finish chunk, a usage-only chunk and {@code [DONE]}.
     */
    static List<byte[]> events(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("events must be >= 1, was " + count);
        }
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String event = data(chunk("{\"content\":\"" + delta(i) + "\"}", "null"));
            if (i == count - 1) {
                event += data(chunk("{}", "\"stop\"")) + data(USAGE) + data("[DONE]");
            }
            out.add(event.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static long streamBytes(int count) {
        return events(count).stream().mapToLong(e -> e.length).sum();
    }

    private static String data(String json) {
        return "data: " + json + "\n\n";
    }

    private static String chunk(String delta, String finish) {
        return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,"
                   + "\"model\":\"llama3.1-8b\",\"choices\":[{\"index\":0,\"delta\":"
                + delta
                + ",\"finish_reason\":"
                + finish
                + "}]}";
    }

    private static final String USAGE =
            "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,"
                + "\"model\":\"llama3.1-8b\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,"
                + "\"completion_tokens\":20,\"total_tokens\":30},\"time_info\":{\"queue_time\":0.0001,"
                + "\"prompt_time\":0.002,\"completion_time\":0.1,\"total_time\":0.1021}}";
}
