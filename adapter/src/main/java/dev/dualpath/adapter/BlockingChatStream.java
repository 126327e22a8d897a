package dev.dualpath.adapter;

import dev.dualpath.adapter.core.Sleeper;
import dev.dualpath.adapter.core.StreamDecoder;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.transport.BlockingBody;
import dev.dualpath.adapter.transport.BlockingStream;
import dev.dualpath.adapter.transport.StreamingTransport;
import dev.dualpath.adapter.wire.WireResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The blocking delivery of a streamed call: every read, decode and retry wait happens on the
 * caller's thread inside {@link #hasNext()}, one body read at a time and only when no chunk is
 * ready. The decisions are {@link StreamCall}'s.
 */
final class BlockingChatStream implements ChatStream {

    private final StreamCall call;
    private final StreamingTransport transport;
    private final Sleeper sleeper;
    private @Nullable BlockingBody body;
    private boolean bodyAtEnd;
    private @Nullable ChatChunk next;
    private @Nullable UnifiedChatResponse response;
    private @Nullable ProviderException failure;
    private volatile boolean closed;

    BlockingChatStream(StreamCall call, StreamingTransport transport, Sleeper sleeper) {
        this.call = call;
        this.transport = transport;
        this.sleeper = sleeper;
    }

    /**
     * Makes attempts until one has a streaming head (or the call fails for good).
     *
     * @throws ProviderException if the call failed before its stream started
     */
    BlockingChatStream open() {
        while (call.decoder() == null && failure == null && response == null) {
            Step step = openAttempt();
            if (step != null) {
                settle(step);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return this;
    }

    @Override
    public boolean hasNext() {
        while (true) {
            if (next != null) {
                return true;
            }
            if (failure != null) {
                throw failure;
            }
            if (response != null || closed) {
                return false;
            }
            StreamDecoder decoder = call.decoder();
            if (decoder != null) {
                next = decoder.poll();
                if (next != null) {
                    return true;
                }
            }
            Step step = decoder == null ? openAttempt() : advance(decoder);
            if (step != null) {
                settle(step);
            }
        }
    }

    @Override
    public ChatChunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the stream has no more chunks");
        }
        ChatChunk chunk = Objects.requireNonNull(next, "next");
        next = null;
        return chunk;
    }

    @Override
    public UnifiedChatResponse response() {
        if (response == null) {
            throw new IllegalStateException(
                    "the stream has not completed"
                            + (failure != null ? ": it failed" : closed ? ": it was closed" : ""));
        }
        return response;
    }

    @Override
    public void close() {
        closed = true;
        BlockingBody b = body;
        if (b != null) {
            b.close();
        }
    }

    /** One attempt up to its head: null when its stream is ready to read, else the next step. */
    private @Nullable Step openAttempt() {
        BlockingStream stream;
        try {
            stream = transport.openStream(call.nextAttempt());
        } catch (RuntimeException e) {
            return call.onFailure(e);
        }
        body = stream.body();
        bodyAtEnd = false;
        if (call.onHead(stream.head()) != null) {
            return null;
        }
        WireResponse whole;
        try {
            whole = readWhole(stream.head());
        } catch (RuntimeException e) {
            return call.onFailure(e);
        }
        return call.onWhole(whole);
    }

    /** Reads once more, or ends the attempt: null to go on, else the next step. */
    private @Nullable Step advance(StreamDecoder decoder) {
        if (decoder.isEnded()) {
            if (decoder.isDone()) {
                drainToEnd();
            }
            return call.onEnded();
        }
        try {
            ByteBuffer bytes = openBody().read();
            if (bytes == null) {
                bodyAtEnd = true;
                decoder.endOfInput();
            } else {
                decoder.feed(bytes);
            }
        } catch (RuntimeException e) {
            return call.onFailure(e);
        }
        return null;
    }

    /**
     * After {@code [DONE]}, reads what is left (the end of the HTTP message) so the connection can
     * be reused; a failure there changes nothing, the stream is complete.
     */
    private void drainToEnd() {
        try {
            while (!bodyAtEnd && !closed) {
                bodyAtEnd = openBody().read() == null;
            }
        } catch (RuntimeException e) {
            // Complete already: the connection is closed instead of reused.
        }
    }

    private void settle(Step step) {
        if (step instanceof Step.Retry retry) {
            closeBody();
            pause(retry.delay());
            return;
        }
        closeBody();
        if (closed) {
            if (step instanceof Step.Fail) {
                failure = call.cancelled(null);
            }
            return;
        }
        if (step instanceof Step.Done done) {
            response = done.response();
        } else if (step instanceof Step.Fail fail) {
            failure = fail.error();
        }
    }

    private void closeBody() {
        BlockingBody b = body;
        body = null;
        if (b != null) {
            b.close();
        }
    }

    private WireResponse readWhole(WireResponse head) {
        BlockingBody open = openBody();
        WholeBody whole = new WholeBody();
        for (ByteBuffer b = open.read(); b != null; b = open.read()) {
            whole.add(b);
        }
        bodyAtEnd = true;
        return whole.joinedTo(head);
    }

    /** The current attempt's body: set from its head until it is settled. */
    private BlockingBody openBody() {
        BlockingBody b = body;
        if (b == null) {
            throw new IllegalStateException("no attempt's body is open");
        }
        return b;
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = call.cancelled(e);
        }
    }
}
