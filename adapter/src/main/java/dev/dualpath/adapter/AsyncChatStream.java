package dev.dualpath.adapter;

import dev.dualpath.adapter.core.Sleeper;
import dev.dualpath.adapter.core.StreamDecoder;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.transport.AsyncBody;
import dev.dualpath.adapter.transport.AsyncStream;
import dev.dualpath.adapter.transport.StreamingTransport;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The publisher delivery of a streamed call. Everything that happens to the call — the subscriber's
 * demand and cancel, the transport's head, bytes, end and failure, a retry timer — is posted to an
 * inbox and applied by one drain loop ({@link SerialDrain}) on the continuation executor, so the
 * state is touched by one thread at a time and the subscriber's signals are serialised. The
 * decisions are {@link StreamCall}'s; body bytes are asked for one item at a time, only when no
 * chunk is ready and the subscriber has demand (or, after {@code [DONE]}, to read the end of the
 * message).
 */
final class AsyncChatStream implements ChatStreamPublisher {

    private final StreamCall call;
    private final StreamingTransport transport;
    private final Sleeper sleeper;
    private final Executor executor;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicLong demand = new AtomicLong();
    private final SerialDrain loop;
    private final CompletableFuture<UnifiedChatResponse> response = new CompletableFuture<>();
    private volatile Flow.@Nullable Subscriber<? super ChatChunk> subscriber;
    private volatile boolean cancelRequested;
    private volatile @Nullable Throwable protocolError;
    private volatile @Nullable RuntimeException rejected;
    // Drain loop only:
    private @Nullable Future<?> pending;
    private @Nullable AsyncBody body;
    private Flow.@Nullable Subscription bodySubscription;
    private boolean bytesRequested;
    private boolean bodyEnded;
    private @Nullable Throwable bodyFailure;
    private int generation;
    private boolean terminated;

    AsyncChatStream(
            StreamCall call, StreamingTransport transport, Sleeper sleeper, Executor executor) {
        this.call = call;
        this.transport = transport;
        this.sleeper = sleeper;
        this.executor = executor;
        this.loop = new SerialDrain(executor, this::step, () -> terminated, e -> rejected = e);
        var unused =
                response.whenComplete(
                        (r, e) -> {
                            if (response.isCancelled()) {
                                cancelRequested = true;
                                loop.wake();
                            }
                        });
    }

    @Override
    public CompletableFuture<UnifiedChatResponse> response() {
        return response;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ChatChunk> s) {
        if (!subscribed.compareAndSet(false, true)) {
            s.onSubscribe(
                    new Flow.Subscription() {
                        @Override
                        public void request(long n) {}

                        @Override
                        public void cancel() {}
                    });
            s.onError(new IllegalStateException("a streamed call has one subscriber"));
            return;
        }
        subscriber = s;
        s.onSubscribe(
                new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                        if (n <= 0) {
                            protocolError =
                                    new IllegalArgumentException(
                                            "request(n) needs n > 0, was " + n);
                        } else {
                            demand.accumulateAndGet(
                                    n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                        }
                        loop.wake();
                    }

                    @Override
                    public void cancel() {
                        cancelRequested = true;
                        loop.wake();
                    }
                });
        loop.post(this::startAttempt);
    }

    /** Delivers what demand allows, asks for bytes, or ends the call. */
    private void step() {
        if (cancelRequested) {
            abortAll();
            terminated = true;
            response.completeExceptionally(call.cancelled(null));
            return;
        }
        if (protocolError != null || rejected != null) {
            abortAll();
            fail(protocolError != null ? protocolError : call.cancelled(rejected));
            return;
        }
        StreamDecoder decoder = call.decoder();
        if (decoder == null || bodySubscription == null) {
            return; // between attempts, or waiting for a head
        }
        while (demand.get() > 0 && decoder.hasChunk() && !cancelRequested) {
            demand.decrementAndGet();
            if (!signal(decoder.poll())) {
                return;
            }
        }
        if (decoder.hasChunk() || cancelRequested) {
            return;
        }
        if (bodyFailure != null && !decoder.isDone()) {
            settle(call.onFailure(bodyFailure));
        } else if (decoder.isEnded()) {
            if (decoder.isDone() && !bodyEnded) {
                requestBytes(); // the end of the message, so the connection can be reused
            } else {
                settle(call.onEnded());
            }
        } else if (demand.get() > 0) {
            requestBytes();
        }
    }

    private void requestBytes() {
        if (!bytesRequested) {
            bytesRequested = true;
            Flow.Subscription s = bodySubscription;
            if (s != null) {
                s.request(1);
            }
        }
    }

    private void startAttempt() {
        CompletableFuture<AsyncStream> head;
        try {
            head = transport.openStreamAsync(call.nextAttempt());
        } catch (RuntimeException e) {
            head = CompletableFuture.failedFuture(e);
        }
        pending = head;
        int attempt = ++generation;
        var unused =
                head.whenComplete(
                        (stream, error) ->
                                loop.post(
                                        () -> {
                                            if (error != null) {
                                                onHeadFailed(attempt, error);
                                            } else {
                                                onHead(attempt, stream);
                                            }
                                        }));
    }

    private void onHeadFailed(int attempt, Throwable error) {
        if (attempt == generation) {
            pending = null;
            settle(call.onFailure(error));
        }
    }

    private void onHead(int attempt, AsyncStream stream) {
        if (attempt != generation) {
            stream.body().abort();
            return;
        }
        pending = null;
        body = stream.body();
        bodySubscription = null;
        bytesRequested = false;
        bodyEnded = false;
        bodyFailure = null;
        StreamDecoder decoder = call.onHead(stream.head());
        if (decoder != null) {
            stream.body().subscribe(new BytesSubscriber(attempt, decoder));
        } else {
            stream.body()
                    .subscribe(
                            new WholeBodyReader(
                                    stream.head(),
                                    whole -> settleAttempt(attempt, () -> call.onWhole(whole)),
                                    failure ->
                                            settleAttempt(attempt, () -> call.onFailure(failure))));
        }
    }

    /**
     * Settles with the step {@code decision} makes, if {@code attempt} is still the current one.
     */
    private void settleAttempt(int attempt, Supplier<Step> decision) {
        loop.post(
                () -> {
                    if (attempt == generation) {
                        settle(decision.get());
                    }
                });
    }

    private void settle(Step step) {
        abortBody();
        if (step instanceof Step.Retry retry) {
            CompletableFuture<Void> wait = sleeper.delay(retry.delay(), executor);
            pending = wait;
            int attempt = generation;
            var unused =
                    wait.whenComplete(
                            (v, e) ->
                                    loop.post(
                                            () -> {
                                                if (e == null && attempt == generation) {
                                                    startAttempt();
                                                }
                                            }));
        } else if (step instanceof Step.Done done) {
            terminated = true;
            try {
                subscriber().onComplete();
            } finally {
                response.complete(done.response());
            }
        } else if (step instanceof Step.Fail failure) {
            fail(failure.error());
        }
    }

    /** The subscriber: set before the first drain, as only {@code subscribe} schedules one. */
    private Flow.Subscriber<? super ChatChunk> subscriber() {
        Flow.Subscriber<? super ChatChunk> s = subscriber;
        if (s == null) {
            throw new IllegalStateException("no subscriber yet");
        }
        return s;
    }

    private void fail(Throwable error) {
        terminated = true;
        try {
            subscriber().onError(error);
        } finally {
            response.completeExceptionally(error);
        }
    }

    /** Delivers one chunk; false if the subscriber broke the protocol by throwing. */
    private boolean signal(ChatChunk chunk) {
        try {
            subscriber().onNext(chunk);
            return true;
        } catch (RuntimeException e) {
            abortAll();
            terminated = true;
            response.completeExceptionally(e);
            return false;
        }
    }

    private void abortBody() {
        AsyncBody b = body;
        body = null;
        bodySubscription = null;
        if (b != null) {
            b.abort();
        }
    }

    private void abortAll() {
        Future<?> p = pending;
        pending = null;
        if (p != null) {
            p.cancel(true);
        }
        abortBody();
    }

    /** The body of an event stream: each item is fed to the decoder in the loop. */
    private final class BytesSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
        private final int attempt;
        private final StreamDecoder decoder;

        BytesSubscriber(int attempt, StreamDecoder decoder) {
            this.attempt = attempt;
            this.decoder = decoder;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            loop.post(
                    () -> {
                        if (attempt == generation && body != null) {
                            bodySubscription = s;
                        } else {
                            s.cancel();
                        }
                    });
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            loop.post(
                    () -> {
                        if (attempt == generation && body != null) {
                            bytesRequested = false;
                            for (ByteBuffer b : item) {
                                decoder.feed(b);
                            }
                        }
                    });
        }

        @Override
        public void onError(Throwable t) {
            loop.post(
                    () -> {
                        if (attempt == generation && body != null) {
                            bodyEnded = true;
                            bodyFailure = t;
                        }
                    });
        }

        @Override
        public void onComplete() {
            loop.post(
                    () -> {
                        if (attempt == generation && body != null) {
                            bodyEnded = true;
                            decoder.endOfInput();
                        }
                    });
        }
    }
}
