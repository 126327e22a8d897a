package dev.dualpath.testkit;

import dev.dualpath.adapter.transport.Transport;
import dev.dualpath.adapter.transport.TransportFactory;
import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test transport whose behaviour is chosen by the request's {@code X-Request-Id} prefix, so
 * concurrent calls need no shared script: {@code ok-} answers a success body, {@code e500-} a 500,
 * {@code e401-} a 401 in the provider's own error shape, {@code e429then-} a 429 on the first
 * attempt and a success after, {@code timeout-} fails with a headers timeout, {@code refused-} with
 * a connection failure, {@code bad-} answers a truncated 200, {@code hang-} blocks (or never
 * completes) until interrupted or cancelled.
 */
public final class ScriptedTransport implements Transport {

    /** Bound on a hang so that a broken test cannot hang the build. */
    private static final long HANG_BOUND_SECONDS = 30;

    public static final String SUCCESS_BODY =
            """
            {"id":"chatcmpl-1","object":"chat.completion","created":1732000000,"model":"llama3.1-8b",
             "system_fingerprint":"fp_1","choices":[{"index":0,"finish_reason":"stop",
             "message":{"role":"assistant","content":"Hello!"}}],
             "usage":{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13},
             "time_info":{"queue_time":0.0001,"prompt_time":0.002,"completion_time":0.01,"total_time":0.013,"created":1732000000.5}}
            """;

    private static final String ERROR_500 =
            """
            {"message":"Internal error","type":"server_error","param":null,"code":"internal"}\
            """;

    private static final String ERROR_401 =
            """
            {"message":"Wrong API Key","type":"invalid_request_error","param":"api_key",\
            "code":"wrong_api_key"}\
            """;

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<WireResponse>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger blockingAborts = new AtomicInteger();
    private final AtomicInteger viewsOpened = new AtomicInteger();
    private final AtomicInteger viewsClosed = new AtomicInteger();

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public WireResponse execute(WireRequest request) {
        String id = id(request);
        if (id.startsWith("hang-")) {
            signalEntered(id);
            try {
                new CountDownLatch(1).await(HANG_BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                blockingAborts.incrementAndGet();
                Thread.currentThread().interrupt();
                throw new TransportFailure(TransportFailure.Kind.CANCELLED, "call cancelled", e);
            }
            throw new TransportFailure(
                    TransportFailure.Kind.HEADERS_TIMEOUT, "hang bound reached", null);
        }
        return answer(id);
    }

    @Override
    public CompletableFuture<WireResponse> executeAsync(WireRequest request) {
        String id = id(request);
        if (id.startsWith("hang-")) {
            CompletableFuture<WireResponse> never = new CompletableFuture<>();
            never.orTimeout(HANG_BOUND_SECONDS, TimeUnit.SECONDS);
            pending.put(id, never);
            signalEntered(id);
            return never;
        }
        try {
            return CompletableFuture.completedFuture(answer(id));
        } catch (TransportFailure failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private WireResponse answer(String id) {
        int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (id.startsWith("ok-")) {
            return json(200, SUCCESS_BODY, Map.of());
        }
        if (id.startsWith("e500-")) {
            return json(500, ERROR_500, Map.of());
        }
        if (id.startsWith("e401-")) {
            return json(401, ERROR_401, Map.of());
        }
        if (id.startsWith("e429then-")) {
            return attempt == 1
                    ? json(
                            429,
                            "{\"message\":\"Requests per minute limit exceeded - too many requests"
                                + " sent.\","
                                + "\"type\":\"too_many_requests_error\",\"param\":\"quota\",\"code\":\"request_quota_exceeded\"}",
                            Map.of("retry-after-ms", List.of("20")))
                    : json(200, SUCCESS_BODY, Map.of());
        }
        if (id.startsWith("bad-")) {
            return json(200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,", Map.of());
        }
        if (id.startsWith("timeout-")) {
            throw new TransportFailure(
                    TransportFailure.Kind.HEADERS_TIMEOUT,
                    "timed out waiting for response headers",
                    null);
        }
        if (id.startsWith("refused-")) {
            throw new TransportFailure(
                    TransportFailure.Kind.CONNECTION_FAILED, "connection failed", null);
        }
        throw new IllegalArgumentException("no script for request id " + id);
    }

    private static WireResponse json(int status, String body, Map<String, List<String>> headers) {
        Map<String, List<String>> all = new HashMap<>(headers);
        all.put("content-type", List.of("application/json"));
        return new WireResponse(status, all, body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static String id(WireRequest request) {
        String id = request.headers().get("X-Request-Id");
        if (id == null) {
            throw new IllegalArgumentException("request has no X-Request-Id header");
        }
        return id;
    }

    private void signalEntered(String id) {
        entered.computeIfAbsent(id, k -> new CountDownLatch(1)).countDown();
    }

    /** Waits (bounded) until the call with {@code id} is blocked inside this transport. */
    public boolean awaitEntered(String id, long timeoutMillis) throws InterruptedException {
        return entered.computeIfAbsent(id, k -> new CountDownLatch(1))
                .await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** How many attempts the call with {@code id} made. */
    public int attempts(String id) {
        AtomicInteger n = attempts.get(id);
        return n == null ? 0 : n.get();
    }

    /** Whether the async exchange of the call with {@code id} was cancelled. */
    public boolean asyncCancelled(String id) {
        CompletableFuture<WireResponse> f = pending.get(id);
        return f != null && f.isCancelled();
    }

    /** Forgets attempt counts, so the same request id can replay a multi-attempt script. */
    public void forgetAttempts() {
        attempts.clear();
    }

    /** How many blocking exchanges were aborted by an interrupt. */
    public int blockingAborts() {
        return blockingAborts.get();
    }

    /** Hanging async exchanges not yet cancelled or completed. */
    public long pendingAsync() {
        return pending.values().stream().filter(f -> !f.isDone()).count();
    }

    @Override
    public void close() {
        pending.values().forEach(f -> f.cancel(true));
    }

    /**
     * A factory of views of this transport, for an adapter that opens a transport per call: each
     * view plays this transport's script and shares its bookkeeping; closing a view cancels the
     * exchanges it started that are still pending and is counted, so a test can check that every
     * per-call client was closed ({@link #viewsOpened()} = {@link #viewsClosed()}).
     */
    public TransportFactory views() {
        return View::new;
    }

    /** Views {@link #views()} has built so far. */
    public int viewsOpened() {
        return viewsOpened.get();
    }

    /** Views closed so far (each counted once). */
    public int viewsClosed() {
        return viewsClosed.get();
    }

    private final class View implements Transport {
        private final java.util.Set<CompletableFuture<WireResponse>> started =
                ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicBoolean closed =
                new java.util.concurrent.atomic.AtomicBoolean();

        View() {
            viewsOpened.incrementAndGet();
        }

        @Override
        public String name() {
            return "scripted-view";
        }

        @Override
        public WireResponse execute(WireRequest request) {
            return ScriptedTransport.this.execute(request);
        }

        @Override
        public CompletableFuture<WireResponse> executeAsync(WireRequest request) {
            CompletableFuture<WireResponse> f = ScriptedTransport.this.executeAsync(request);
            if (!f.isDone()) {
                started.add(f);
            }
            return f;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                started.forEach(f -> f.cancel(true));
                viewsClosed.incrementAndGet();
            }
        }
    }
}
