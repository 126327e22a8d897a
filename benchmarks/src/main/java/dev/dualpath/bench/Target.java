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
 */
public final class Target implements AutoCloseable {

    /** The content every benchmark response carries; the setup check looks for it. */
    public static final String EXPECTED_CONTENT = CannedBodies.DEFAULT_CONTENT;

    private static final ApiKey KEY = new ApiKey("sk-bench-not-a-secret");

    private final Transport transport;
    private final CerebrasAdapter adapter;
    private final ChatRequest request;
    private final WireRequest wire;
    private final WireRequest streamWire;

    private Target(
            Transport transport,
            CerebrasAdapter adapter,
            ChatRequest request,
            WireRequest wire,
            WireRequest streamWire) {
        this.transport = transport;
        this.adapter = adapter;
        this.request = request;
        this.wire = wire;
        this.streamWire = streamWire;
    }

    /**
     * A target over an existing transport, for the in-memory and custom set-ups.
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
                streamWire);
    }

    /**
     * A target over the in-memory transport answering {@link #cannedResponse()}, optionally slowed
     * by {@code extraDelay} per exchange (the test-only knob; {@link java.time.Duration#ZERO} for
     * none).
     */
    public static Target inMemory(
            dev.dualpath.adapter.ContinuationExecutor continuations,
            java.time.Duration extraDelay) {
        WireResponse canned = cannedResponse();
        return over(
                URI.create("http://127.0.0.1:1"),
                () ->
                        dev.dualpath.adapter.transport.InMemoryTransport.fixed(canned)
                                .withExtraDelay(extraDelay),
                continuations);
    }

    /** The fake provider's canned ~1 KB success body as a 200, for the in-memory transport. */
    public static WireResponse cannedResponse() {
        return new WireResponse(
                200,
                java.util.Map.of("content-type", List.of("application/json")),
                CannedBodies.success().getBytes(java.nio.charset.StandardCharsets.UTF_8),
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
        Object result = path.call(this);
        boolean ok;
        if (result instanceof WireResponse raw) {
            ok =
                    raw.status() == 200
                            && new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8)
                                    .contains(EXPECTED_CONTENT);
        } else if (result instanceof UnifiedChatResponse response) {
            ok = EXPECTED_CONTENT.equals(response.content());
        } else {
            ok = false;
        }
        if (!ok) {
            throw new IllegalStateException(
                    "setup check failed: path " + path + " returned " + result);
        }
    }

    @Override
    public void close() {
        adapter.close(); // closes the transport too
    }
}
