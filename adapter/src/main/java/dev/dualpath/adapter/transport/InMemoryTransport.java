package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Answers every request from a function, without a network: the transport for measuring what the
 * adapter itself costs (time and bytes per call), and for tests that need exact responses.
 *
 * <p>It allocates nothing beyond what the responder allocates, plus one completed future per {@link
 * #executeAsync} call (two futures when a completion executor is set).
 *
 * <p><b>Extra delay</b> is a test-only slowdown knob: each call spins (busy-waits on {@link
 * System#nanoTime()}, no sleep, no allocation) for that long before answering. The benchmarks use
 * it to prove that their regression gate detects a known slowdown (e.g. 10 %); it has no other
 * purpose.
 *
 * <pre>{@code
 * Transport t = InMemoryTransport.fixed(new WireResponse(200, Map.of(), body, null));
 * Transport slower = InMemoryTransport.answering(req -> ...).withExtraDelay(Duration.ofNanos(500));
 * }</pre>
 */
public final class InMemoryTransport implements Transport, StreamingTransport {

    private final Function<WireRequest, WireResponse> responder;
    private final long extraDelayNanos;
    private final @Nullable Executor completionExecutor;
    private volatile boolean closed;

    /**
     * @param responder answers each request; may throw {@link TransportFailure} to simulate a
     *     network failure (thrown by {@link #execute}, or completing the future of {@link
     *     #executeAsync} exceptionally)
     * @param extraDelay busy-wait added to every call; {@link Duration#ZERO} for none
     * @param completionExecutor null to return already-completed futures from {@link #executeAsync}
     *     (the answer is computed on the caller); otherwise the answer is computed and completed on
     *     this executor
     * @throws NullPointerException if responder or extraDelay is null
     * @throws IllegalArgumentException if extraDelay is negative
     */
    public InMemoryTransport(
            Function<WireRequest, WireResponse> responder,
            Duration extraDelay,
            @Nullable Executor completionExecutor) {
        this.responder = Objects.requireNonNull(responder, "responder");
        Objects.requireNonNull(extraDelay, "extraDelay");
        if (extraDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "extraDelay must not be negative, was " + extraDelay);
        }
        this.extraDelayNanos = extraDelay.toNanos();
        this.completionExecutor = completionExecutor;
    }

    /** Returns a transport answering every request with the same response (not copied). */
    public static InMemoryTransport fixed(WireResponse response) {
        Objects.requireNonNull(response, "response");
        return answering(request -> response);
    }

    /** Returns a transport answering each request with {@code responder.apply(request)}. */
    public static InMemoryTransport answering(Function<WireRequest, WireResponse> responder) {
        return new InMemoryTransport(responder, Duration.ZERO, null);
    }

    /**
     * Returns a copy that busy-waits {@code extraDelay} on every call (test-only knob, see class
     * doc).
     */
    public InMemoryTransport withExtraDelay(Duration extraDelay) {
        return new InMemoryTransport(responder, extraDelay, completionExecutor);
    }

    /** Returns a copy whose async answers are computed and completed on {@code executor}. */
    public InMemoryTransport completingOn(Executor executor) {
        return new InMemoryTransport(
                responder,
                Duration.ofNanos(extraDelayNanos),
                Objects.requireNonNull(executor, "executor"));
    }

    @Override
    public String name() {
        return "in-memory";
    }

    /**
     * @throws TransportFailure if the responder throws one
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public WireResponse execute(WireRequest request) {
        requireOpen();
        return answer(request);
    }

    /**
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public CompletableFuture<WireResponse> executeAsync(WireRequest request) {
        requireOpen();
        if (completionExecutor != null) {
            return CompletableFuture.supplyAsync(() -> answer(request), completionExecutor);
        }
        try {
            return CompletableFuture.completedFuture(answer(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The responder's answer as a stream: its headers at once, its body in one piece per event.
     *
     * @throws TransportFailure if the responder throws one
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public BlockingStream openStream(WireRequest request) {
        requireOpen();
        WireResponse whole = answer(request);
        return new BlockingStream(head(whole), new InMemoryStreamBody(whole.body(), null));
    }

    /**
     * As {@link #openStream}; the pieces are offered on the asking thread, or on the completion
     * executor when one is set.
     *
     * @throws IllegalStateException if this transport was closed
     */
    @Override
    public CompletableFuture<AsyncStream> openStreamAsync(WireRequest request) {
        requireOpen();
        if (completionExecutor != null) {
            return CompletableFuture.supplyAsync(() -> asyncStream(request), completionExecutor);
        }
        try {
            return CompletableFuture.completedFuture(asyncStream(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private AsyncStream asyncStream(WireRequest request) {
        WireResponse whole = answer(request);
        return new AsyncStream(
                head(whole), new InMemoryStreamBody(whole.body(), completionExecutor));
    }

    private static WireResponse head(WireResponse whole) {
        return new WireResponse(
                whole.status(), whole.headers(), new byte[0], whole.timeToFirstByte());
    }

    private WireResponse answer(WireRequest request) {
        if (extraDelayNanos > 0) {
            spin(extraDelayNanos);
        }
        return Objects.requireNonNull(responder.apply(request), "responder returned null");
    }

    /** Busy-waits: a sleep would add the scheduler's wake-up latency, far larger than the knob. */
    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("transport closed");
        }
    }

    /** Refuses further calls; holds no threads or connections. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }
}
