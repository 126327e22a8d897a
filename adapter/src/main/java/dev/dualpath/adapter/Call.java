package dev.dualpath.adapter;

import dev.dualpath.adapter.core.ErrorMapper;
import dev.dualpath.adapter.core.RequestEncoder;
import dev.dualpath.adapter.core.RequestIds;
import dev.dualpath.adapter.core.ResponseProcessor;
import dev.dualpath.adapter.core.RetryDecision;
import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Everything one call does that is not I/O or waiting, shared by {@code invokeSync()} and {@code
 * invoke()}: encode once, count attempts, turn each attempt's outcome into the next {@link Step}
 * through the shared mapper, processor and retry policy. The two paths differ only in how they wait
 * — which is the whole point of this project.
 *
 * <p>Not thread-safe, but a call's attempts are strictly sequential on either path.
 */
final class Call {

    /** The shared, stateless helpers a call uses. */
    record Helpers(
            RequestEncoder encoder,
            ErrorMapper errors,
            ResponseProcessor processor,
            RetryPolicy retries) {}

    private final Helpers helpers;
    private final String requestId;
    private final WireRequest wire;
    private final long startNanos;
    private int attempts;

    private Call(Helpers helpers, String requestId, WireRequest wire, long startNanos) {
        this.helpers = helpers;
        this.requestId = requestId;
        this.wire = wire;
        this.startNanos = startNanos;
    }

    /** Validates nothing further (the request validated itself), encodes it, starts the clock. */
    static Call start(Helpers helpers, ChatRequest request) {
        return start(helpers, request, false);
    }

    /** As {@link #start}, encoding a request for an event stream ({@code "stream":true}). */
    static Call startStream(Helpers helpers, ChatRequest request) {
        return start(helpers, request, true);
    }

    private static Call start(Helpers helpers, ChatRequest request, boolean stream) {
        String id = request.requestId() != null ? request.requestId() : RequestIds.next();
        RequestEncoder encoder = helpers.encoder();
        WireRequest wire = stream ? encoder.encodeStream(request, id) : encoder.encode(request, id);
        return new Call(helpers, id, wire, System.nanoTime());
    }

    String requestId() {
        return requestId;
    }

    Helpers helpers() {
        return helpers;
    }

    /** Attempts made so far. */
    int attempts() {
        return attempts;
    }

    /** The request to send; counts an attempt. */
    WireRequest nextAttempt() {
        attempts++;
        return wire;
    }

    /**
     * The step after an attempt that ended with {@code response} or {@code failure} (exactly one
     * non-null).
     */
    Step onOutcome(@Nullable WireResponse response, @Nullable Throwable failure) {
        if (failure != null || response == null) {
            return decide(helpers.errors().fromThrowable(failure, requestId), null);
        }
        if (response.status() / 100 != 2) {
            return decide(helpers.errors().fromResponse(response, requestId), response);
        }
        try {
            return new Step.Done(
                    helpers.processor().process(response, elapsed(), requestId, attempts));
        } catch (ProviderException malformed) {
            return decide(malformed, response);
        }
    }

    /** The error of this call when the caller cancelled or interrupted it. */
    ProviderException cancelled(@Nullable Throwable cause) {
        return helpers.errors().cancelled(requestId, cause);
    }

    /** Retry or fail after {@code error}; {@code response} is the attempt's, or null. */
    Step decide(ProviderException error, @Nullable WireResponse response) {
        RetryDecision decision = helpers.retries().decide(attempts, error, response);
        return decision instanceof RetryDecision.RetryAfter retry
                ? new Step.Retry(retry.delay())
                : new Step.Fail(error);
    }

    /** Client wall time since the call started. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
