package dev.dualpath.bench;

import dev.dualpath.adapter.AdapterConfig;
import dev.dualpath.adapter.CerebrasAdapter;
import dev.dualpath.adapter.core.RequestEncoder;
import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.transport.Transport;
import dev.dualpath.adapter.transport.TransportFactory;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import dev.dualpath.conformance.fake.CannedBodies;
import java.net.URI;
import java.util.List;

/**
 * What a benchmark calls: one adapter over one transport, the request, and the same request
 * pre-encoded for the raw baselines. Built once per fork, outside measured time.
 *
 * <p>Responses are {@link CannedBodies#ofBytes} bodies: {@code bodyBytes} names one, and the setup
 * check looks for its content. The smallest, {@link #SMALLEST_BODY_BYTES}, is the canned ~1 KB
 * Cerebras body every benchmark used before body size became a dimension.
 */
public final class Target implements AutoCloseable {

    /** The size of the canned ~1 KB body, the default of every {@code bodyBytes} param. */
    public static final int SMALLEST_BODY_BYTES = 1171;

    private static final ApiKey KEY = new ApiKey("sk-bench-not-a-secret");

    private final Transport transport;
    private final CerebrasAdapter adapter;
    private final ChatRequest request;
    private final WireRequest wire;
    private final String expectedContent;
    private final WireRequest streamWire;

    private Target(
            Transport transport,
            CerebrasAdapter adapter,
            ChatRequest request,
            WireRequest wire,
            String expectedContent,
            WireRequest streamWire) {
        this.transport = transport;
        this.adapter = adapter;
        this.request = request;
        this.wire = wire;
        this.expectedContent = expectedContent;
        this.streamWire = streamWire;
    }

    /**
     * A target expecting the canned ~1 KB body ({@link #SMALLEST_BODY_BYTES}).
     *
     * @param baseUrl where the transport sends requests
     * @param transports builds the target's transport now (owned by the target from now on) and a
     *     fresh one per call for {@link BenchPath#CLIENT_PER_CALL}
     * @param continuations where the async path's continuations run
     */
    public static Target over(
            URI baseUrl,
            TransportFactory transports,
            dev.dualpath.adapter.ContinuationExecutor continuations) {
        return over(baseUrl, transports, continuations, SMALLEST_BODY_BYTES);
    }

    /**
     * A target expecting a {@link CannedBodies#ofBytes} body of {@code bodyBytes}.
     *
     * @param baseUrl where the transport sends requests
     * @param transports builds the target's transport now (owned by the target from now on) and a
     *     fresh one per call for {@link BenchPath#CLIENT_PER_CALL}
     * @param continuations where the async path's continuations run
     * @param bodyBytes the size of the {@link CannedBodies#ofBytes} body the server answers
     * @throws IllegalArgumentException if {@code bodyBytes} is below {@link #SMALLEST_BODY_BYTES}
     */
    public static Target over(
            URI baseUrl,
            TransportFactory transports,
            dev.dualpath.adapter.ContinuationExecutor continuations,
            int bodyBytes) {
        String expected = CannedBodies.contentOfBytes(bodyBytes);
        // No retries: a benchmark measures one exchange; a failure must fail the benchmark, not
        // hide in a retry.
        AdapterConfig config =
                AdapterConfig.of(baseUrl, KEY)
                        .withRetries(RetryPolicy.none())
                        .withContinuations(continuations);
        ChatRequest request =
                ChatRequest.of(
                        "llama3.1-8b",
                        List.of(ChatMessage.user("Say hello in one short sentence.")));
        RequestEncoder encoder = new RequestEncoder(baseUrl, KEY);
        WireRequest wire = encoder.encode(request, "bench-raw");
        WireRequest streamWire = encoder.encodeStream(request, "bench-raw-stream");
        Transport transport = transports.create();
        return new Target(
                transport,
                CerebrasAdapter.create(config, transport, transports),
                request,
                wire,
                expected,
                streamWire);
    }

    /**
     * A target over the in-memory transport answering the canned ~1 KB body, optionally slowed by
     * {@code extraDelay} per exchange (the test-only knob; {@link java.time.Duration#ZERO} for
     * none).
     */
    public static Target inMemory(
            dev.dualpath.adapter.ContinuationExecutor continuations,
            java.time.Duration extraDelay) {
        return inMemory(continuations, extraDelay, SMALLEST_BODY_BYTES, 0);
    }

    /**
     * A target over the in-memory transport answering {@link #cannedResponse(int)
     * cannedResponse(bodyBytes)}, optionally slowed by {@code extraDelay} per exchange, with a
     * second test-only knob: {@code extraAllocationBytes} more bytes allocated per exchange (one
     * {@code byte[]} kept reachable, so escape analysis cannot remove it), to show that the gates
     * catch an allocation regression (0 for none).
     *
     * @throws IllegalArgumentException if {@code bodyBytes} is below {@link #SMALLEST_BODY_BYTES}
     */
    public static Target inMemory(
            dev.dualpath.adapter.ContinuationExecutor continuations,
            java.time.Duration extraDelay,
            int bodyBytes,
            int extraAllocationBytes) {
        WireResponse canned = cannedResponse(bodyBytes);
        return over(
                URI.create("http://127.0.0.1:1"),
                () ->
                        (extraAllocationBytes > 0
                                        ? dev.dualpath.adapter.transport.InMemoryTransport
                                                .answering(
                                                        new AllocatingResponder(
                                                                canned, extraAllocationBytes))
                                        : dev.dualpath.adapter.transport.InMemoryTransport.fixed(
                                                canned))
                                .withExtraDelay(extraDelay),
                continuations,
                bodyBytes);
    }

    /** Answers with a fixed response after allocating a fixed number of bytes it keeps. */
    private static final class AllocatingResponder
            implements java.util.function.Function<
                    dev.dualpath.adapter.wire.WireRequest, WireResponse> {

        private final WireResponse response;
        private final int bytes;

        /** The latest allocation, kept so that it escapes; read by nothing. */
        @SuppressWarnings("unused")
        private byte[] kept;

        AllocatingResponder(WireResponse response, int bytes) {
            this.response = response;
            this.bytes = bytes;
        }

        @Override
        public WireResponse apply(dev.dualpath.adapter.wire.WireRequest request) {
            kept = new byte[bytes];
            return response;
        }
    }

    /**
     * The fake provider's success body of {@code bodyBytes} bytes as a 200, for the in-memory
     * transport.
     *
     * @throws IllegalArgumentException if {@code bodyBytes} is below {@link #SMALLEST_BODY_BYTES}
     */
    public static WireResponse cannedResponse(int bodyBytes) {
        return new WireResponse(
                200,
                java.util.Map.of("content-type", List.of("application/json")),
                CannedBodies.ofBytes(bodyBytes).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null);
    }

    public Transport transport() {
        return transport;
    }

    public CerebrasAdapter adapter() {
        return adapter;
    }

    public ChatRequest request() {
        return request;
    }

    public WireRequest wire() {
        return wire;
    }

    /** The request pre-encoded as a streamed call, for the raw streaming baseline. */
    public WireRequest streamWire() {
        return streamWire;
    }

    /**
     * Calls {@code path} once and fails fast unless it produced the expected response: a benchmark
     * of a broken path would measure how fast it fails.
     *
     * @throws IllegalStateException naming the path and what it returned
     */
    public void check(BenchPath path) {
        checkResult(path.name(), path.call(this));
    }

    /**
     * Fails fast unless {@code result}, what a call through {@code label} returned, is the expected
     * response: a raw 200 holding the expected content, or a parsed response with exactly it.
     *
     * @throws IllegalStateException naming the label and what it returned
     */
    public void checkResult(String label, Object result) {
        boolean ok;
        if (result instanceof WireResponse raw) {
            ok =
                    raw.status() == 200
                            && new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8)
                                    .contains(expectedContent);
        } else if (result instanceof UnifiedChatResponse response) {
            ok = expectedContent.equals(response.content());
        } else {
            ok = false;
        }
        if (!ok) {
            throw new IllegalStateException(
                    "setup check failed: path " + label + " returned " + abbreviated(result));
        }
    }

    /** A result as text, cut short: a 1 MiB body must not flood the log. */
    private static String abbreviated(Object result) {
        String text = String.valueOf(result);
        return text.length() <= 500
                ? text
                : text.substring(0, 500) + "... (" + text.length() + " chars)";
    }

    @Override
    public void close() {
        adapter.close(); // closes the transport too
    }
}
