package dev.dualpath.adapter;

import dev.dualpath.adapter.core.StreamDecoder;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Everything a streamed call does that is not I/O or waiting, shared by the blocking {@link
 * ChatStream} and the {@link ChatStreamPublisher}: it turns each attempt's head, body bytes and end
 * into the next {@link Step} through the same mapper, decoder and retry policy, so both deliveries
 * produce the same chunks and end the same way.
 *
 * <p>Retries: an attempt is retried (as {@link Call} decides for a whole response) only until its
 * first chunk was produced; after that, a failure ends the call, since the caller has already seen
 * part of the answer. Not thread-safe; each delivery serialises its calls.
 */
final class StreamCall {

    private static final String EVENT_STREAM = "text/event-stream";

    private final Call call;
    private @Nullable StreamDecoder decoder;

    private StreamCall(Call call) {
        this.call = call;
    }

    /** Encodes the request for a stream and starts the clock. */
    static StreamCall start(Call.Helpers helpers, ChatRequest request) {
        return new StreamCall(Call.startStream(helpers, request));
    }

    String requestId() {
        return call.requestId();
    }

    /** The request to send; counts an attempt and forgets the last attempt's stream. */
    WireRequest nextAttempt() {
        decoder = null;
        return call.nextAttempt();
    }

    /**
     * The attempt's head arrived.
     *
     * @return the decoder to feed its body to, for a 2xx event stream (a missing content type is
     *     taken as one); null when the body is to be read whole and passed to {@link #onWhole}
     */
    @Nullable StreamDecoder onHead(WireResponse head) {
        if (head.status() / 100 != 2 || !isEventStream(head)) {
            return null;
        }
        Call.Helpers h = call.helpers();
        decoder = new StreamDecoder(h.errors(), h.processor(), head, call.requestId());
        return decoder;
    }

    /** The decoder of the current attempt, or null before its head. */
    @Nullable StreamDecoder decoder() {
        return decoder;
    }

    /**
     * A whole body that is not an event stream: an error status is mapped (and maybe retried) as a
     * non-streaming call maps it; a 2xx body is malformed, with the non-streaming reader's message
     * when it cannot read it either.
     */
    Step onWhole(WireResponse whole) {
        Step step = call.onOutcome(whole, null);
        if (!(step instanceof Step.Done)) {
            return settled(step);
        }
        String type = whole.header("content-type");
        return call.decide(
                call.helpers()
                        .processor()
                        .malformed(
                                whole,
                                call.requestId(),
                                null,
                                null,
                                null,
                                "expected an event stream (text/event-stream) for a streamed call,"
                                        + " got "
                                        + (type == null ? "no content type" : type)
                                        + " ("
                                        + whole.body().length
                                        + " bytes)"),
                whole);
    }

    /** The attempt failed: no head came, or its body broke off. */
    Step onFailure(Throwable failure) {
        if (decoder != null && decoder.committed()) {
            return new Step.Fail(call.helpers().errors().fromThrowable(failure, call.requestId()));
        }
        return settled(call.onOutcome(null, failure));
    }

    /**
     * The decoder ended and every chunk it produced was delivered: the call completes, or fails
     * with the stream's failure (retried when no chunk was produced).
     */
    Step onEnded() {
        StreamDecoder decoder = this.decoder;
        if (decoder == null) {
            throw new IllegalStateException("a stream ended before its head");
        }
        ProviderException failure = decoder.failure();
        if (failure == null) {
            return new Step.Done(decoder.response(call.elapsed(), call.attempts()));
        }
        return decoder.committed() ? new Step.Fail(failure) : settled(call.decide(failure, null));
    }

    /** A retry forgets the attempt's stream, so the delivery opens the next one. */
    private Step settled(Step step) {
        if (step instanceof Step.Retry) {
            decoder = null;
        }
        return step;
    }

    /** The error of this call when the caller cancelled or interrupted it. */
    ProviderException cancelled(@Nullable Throwable cause) {
        return call.cancelled(cause);
    }

    private static boolean isEventStream(WireResponse head) {
        String type = head.header("content-type");
        return type == null || type.toLowerCase(Locale.ROOT).strip().startsWith(EVENT_STREAM);
    }
}
