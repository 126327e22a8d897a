package dev.dualpath.bench;

import com.fasterxml.jackson.core.JsonToken;
import dev.dualpath.adapter.core.ErrorMapper;
import dev.dualpath.adapter.core.RequestEncoder;
import dev.dualpath.adapter.core.ResponseProcessor;
import dev.dualpath.adapter.core.StreamDecoder;
import dev.dualpath.adapter.core.SuccessReader;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import dev.dualpath.conformance.fake.AttemptScript;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * <b>Question:</b> what do the shared helpers cost, alone, as bodies grow? The pure functions both
 * paths call, without transport, strategy or threads:
 *
 * <ul>
 *   <li>{@link #encodeRequest}: {@code RequestEncoder.encode} of a request whose JSON body is
 *       {@code requestBytes} long (one user message grown to that size);
 *   <li>{@link #processResponse}: {@code ResponseProcessor.process} of a 200 Cerebras body of
 *       {@code bodyBytes} (1171: the canned ~1 KB one), read by the adapter's streaming reader
 *       ({@code STREAM}) or the tree reader it replaced ({@code TREE});
 *   <li>{@link #jacksonFloor}: what a Jackson token read of the same body pays before the adapter
 *       reads a field when it makes a parser for it: a parser created over it and every token
 *       walked, no value materialised (the streaming reader reuses one parser from call to call, so
 *       its bytes per op can fall below this; its time cannot);
 *   <li>{@link #decodeStream}: a {@code StreamDecoder} over the streaming benchmark's event stream
 *       ({@code events} content deltas, a finish chunk, a usage-only chunk, {@code [DONE]}), every
 *       chunk polled and the response assembled; per chunk = the figure ÷ ({@code events} + 2), the
 *       in-memory side of the per-event bar (≤ 1 KB);
 *   <li>{@link #mapError}: {@code ErrorMapper.fromResponse} for each error shape of the conformance
 *       catalogue's {@code errors} group (Cerebras top-level bodies, OpenAI nested, {@code detail},
 *       vLLM numeric codes, an object message, empty and HTML bodies), as the catalogue serves it.
 * </ul>
 *
 * Average time in ns/op; {@code -prof gc} adds bytes per op. {@code processResponse} at each size
 * is the body's parse cost, the yardstick for how {@code DIRECT}'s overhead in {@link
 * InMemoryOverheadBenchmark} grows with the body.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HelperCostBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(2)
public class HelperCostBenchmark {

    private static final ApiKey KEY = new ApiKey("sk-bench-not-a-secret");
    private static final URI BASE = URI.create("http://127.0.0.1:1");
    private static final String REQUEST_ID = "bench-helper";

    /** A request whose encoded body has {@code requestBytes} bytes. */
    @State(Scope.Benchmark)
    public static class Request {

        @Param({"1024", "8192", "65536", "1048576"})
        public int requestBytes;

        RequestEncoder encoder;
        ChatRequest request;

        @Setup(Level.Trial)
        public void setUp() {
            encoder = new RequestEncoder(BASE, KEY);
            request = requestOfBytes(encoder, requestBytes);
        }
    }

    /** A 200 response of {@code bodyBytes} and the processor reading it with {@code reader}. */
    @State(Scope.Benchmark)
    public static class Response {

        @Param({"1171", "8192", "65536", "1048576"})
        public int bodyBytes;

        @Param({"STREAM", "TREE"})
        public SuccessReader reader;

        ResponseProcessor processor;
        WireResponse response;

        @Setup(Level.Trial)
        public void setUp() {
            processor = new ResponseProcessor(KEY, reader);
            response = Target.cannedResponse(bodyBytes);
            String content = processResponseOnce(this).content();
            if (!CannedBodies.contentOfBytes(bodyBytes).equals(content)) {
                throw new IllegalStateException(
                        "setup check failed: "
                                + reader
                                + " did not read the content of a "
                                + bodyBytes
                                + "-byte body");
            }
        }
    }

    /** A 200 body of {@code bodyBytes}, for the Jackson floor. */
    @State(Scope.Benchmark)
    public static class Body {

        @Param({"1171", "8192", "65536", "1048576"})
        public int bodyBytes;

        byte[] bytes;

        @Setup(Level.Trial)
        public void setUp() {
            bytes = Target.cannedResponse(bodyBytes).body();
        }
    }

    /** The streaming benchmark's event stream as one body, and what decoding it needs. */
    @State(Scope.Benchmark)
    public static class EventStream {

        @Param({"20"})
        public int events;

        byte[] bytes;
        ErrorMapper errors;
        ResponseProcessor processor;
        WireResponse head;

        @Setup(Level.Trial)
        public void setUp() {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            StreamingBenchmark.events(events).forEach(out::writeBytes);
            bytes = out.toByteArray();
            errors = new ErrorMapper(KEY);
            processor = new ResponseProcessor(KEY);
            head =
                    new WireResponse(
                            200,
                            java.util.Map.of(
                                    "content-type", java.util.List.of("text/event-stream")),
                            new byte[0],
                            Duration.ZERO);
            String text = decodeStreamOnce(this).content();
            if (!StreamingBenchmark.expectedText(events).equals(text)) {
                throw new IllegalStateException(
                        "setup check failed: the stream assembled to " + text);
            }
        }
    }

    /** One error shape of the catalogue, as a response, and the mapper. */
    @State(Scope.Benchmark)
    public static class ErrorShape {

        /** The ids of the catalogue's {@code errors} group; a test keeps the list complete. */
        @Param({
            "400-openai-nested",
            "400-vllm-numeric-code",
            "401-cerebras-top-level",
            "401-echoes-the-api-key",
            "401-openai-nested",
            "402-payment-required",
            "403-detail-not-authenticated",
            "404-cerebras-model-not-found",
            "404-empty-text-plain",
            "408-request-timeout",
            "409-conflict",
            "418-unexpected-status",
            "422-message-object",
            "429-queue-exceeded",
            "429-request-quota",
            "429-token-quota-retry-after-86399",
            "500-empty-body",
            "500-openai-nested",
            "502-html-from-cdn",
            "502-json-numeric-nested-code",
            "503-service-unavailable",
            "504-html-from-cdn"
        })
        public String shape;

        ErrorMapper mapper;
        WireResponse response;

        @Setup(Level.Trial)
        public void setUp() {
            mapper = new ErrorMapper(KEY);
            response = errorResponse(shape);
            ProviderException mapped = mapper.fromResponse(response, REQUEST_ID);
            if (mapped.details().status() != response.status()) {
                throw new IllegalStateException(
                        "setup check failed: " + shape + " mapped to " + mapped);
            }
        }
    }

    /** Encoding: the request's JSON body and headers. */
    @Benchmark
    public WireRequest encodeRequest(Request r) {
        return r.encoder.encode(r.request, REQUEST_ID);
    }

    /** Response processing: the 200 body to a {@code UnifiedChatResponse}, metrics included. */
    @Benchmark
    public UnifiedChatResponse processResponse(Response r) {
        return processResponseOnce(r);
    }

    /**
     * The Jackson floor: a parser over the body, every token walked, strings left undecoded.
     *
     * @throws IOException never: the canned body is valid JSON
     */
    @Benchmark
    public JsonToken jacksonFloor(Body b) throws IOException {
        return CallPart.walkTokens(b.bytes);
    }

    /** Stream decoding: the whole event stream to chunks and the assembled response. */
    @Benchmark
    public UnifiedChatResponse decodeStream(EventStream s) {
        return decodeStreamOnce(s);
    }

    private static UnifiedChatResponse decodeStreamOnce(EventStream s) {
        StreamDecoder decoder = new StreamDecoder(s.errors, s.processor, s.head, REQUEST_ID);
        decoder.feed(java.nio.ByteBuffer.wrap(s.bytes));
        for (ChatChunk c = decoder.poll(); c != null; c = decoder.poll()) {
            // every chunk taken, as a delivery would
        }
        return decoder.response(Duration.ZERO, 1);
    }

    /** Error mapping: a non-2xx response to its typed exception (returned, not thrown). */
    @Benchmark
    public ProviderException mapError(ErrorShape e) {
        return e.mapper.fromResponse(e.response, REQUEST_ID);
    }

    private static UnifiedChatResponse processResponseOnce(Response r) {
        return r.processor.process(r.response, Duration.ZERO, REQUEST_ID, 1);
    }

    /**
     * A request with one user message, grown so that its encoded body is exactly {@code bytes}
     * long.
     *
     * @throws IllegalArgumentException if even an empty message encodes longer
     */
    static ChatRequest requestOfBytes(RequestEncoder encoder, int bytes) {
        int empty = encoder.encodeBody(request("")).length;
        if (bytes < empty) {
            throw new IllegalArgumentException(
                    "requestBytes must be >= " + empty + ", was " + bytes);
        }
        return request("x".repeat(bytes - empty)); // ASCII, never escaped: one byte per char
    }

    private static ChatRequest request(String content) {
        return ChatRequest.of("llama3.1-8b", List.of(ChatMessage.user(content)));
    }

    /**
     * The first attempt of the catalogue scenario {@code id} as a response.
     *
     * @throws IllegalArgumentException if the scenario is not in the {@code errors} group
     */
    static WireResponse errorResponse(String id) {
        var scenario = ScenarioCatalog.load().get(id);
        if (!"errors".equals(scenario.group())) {
            throw new IllegalArgumentException(id + " is not an error shape");
        }
        AttemptScript attempt = scenario.server().attemptFor(1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        attempt.headers()
                .forEach(
                        (name, value) ->
                                headers.put(
                                        name.toLowerCase(java.util.Locale.ROOT), List.of(value)));
        return new WireResponse(attempt.status(), headers, attempt.body(), null);
    }
}
