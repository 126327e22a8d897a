package dev.dualpath.adapter;

import dev.dualpath.adapter.core.Sleeper;
import dev.dualpath.adapter.core.StreamDecoder;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.transport.AsyncBody;
import dev.dualpath.adapter.transport.AsyncStream;
import dev.dualpath.adapter.transport.StreamingTransport;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The publisher delivery of a streamed call. Everything that happens to the call — the subscriber's
 * demand and cancel, the transport's head, bytes, end and failure, a retry timer — is posted to an
 * inbox and applied by one drain loop on the continuation executor, so the state is touched by one
 * thread at a time and the subscriber's signals are serialised. The decisions are {@link
 * StreamCall}'s; body bytes are asked for one item at a time, only when no chunk is ready and the
 * subscriber has demand (or, after {@code [DONE]}, to read the end of the message).
 */
final class AsyncChatStream implements ChatStreamPublisher {

    private final StreamCall call;
    private final StreamingTransport transport;
    private final Sleeper sleeper;
    private final Executor executor;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
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
        var unused =
                response.whenComplete(
                        (r, e) -> {
                            if (response.isCancelled()) {
                                cancelRequested = true;
                                schedule();
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
                        schedule();
                    }

                    @Override
                    public void cancel() {
                        cancelRequested = true;
                        schedule();
                    }
                });
        post(this::startAttempt);
    }

    private void post(Runnable event) {
        inbox.add(event);
        schedule();
    }

    private void schedule() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The loop is ours (wip was 0): end the call here rather than leave it hanging.
            rejected = e;
            drain();
        }
    }

    private void drain() {
        int missed = 1;
        while (true) {
            for (Runnable event = inbox.poll(); event != null; event = inbox.poll()) {
                if (!terminated) {
                    event.run();
                }
            }
            if (!terminated) {
                step();
            } else {
                inbox.clear();
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
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
                                post(
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
            stream.body().subscribe(new WholeBodySubscriber(attempt, stream.head()));
        }
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
                                    post(
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
            post(
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
            post(
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
            post(
                    () -> {
                        if (attempt == generation && body != null) {
                            bodyEnded = true;
                            bodyFailure = t;
                        }
                    });
        }

        @Override
        public void onComplete() {
            post(
                    () -> {
                        if (attempt == generation && body != null) {
                            bodyEnded = true;
                            decoder.endOfInput();
                        }
                    });
        }
    }

    /** The body of a response that is not an event stream, read whole for the error mapper. */
    private final class WholeBodySubscriber implements Flow.Subscriber<List<ByteBuffer>> {
        private final int attempt;
        private final WireResponse head;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        WholeBodySubscriber(int attempt, WireResponse head) {
            this.attempt = attempt;
            this.head = head;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            for (ByteBuffer b : item) {
                byte[] copy = new byte[b.remaining()];
                b.get(copy);
                bytes.writeBytes(copy);
            }
        }

        @Override
        public void onError(Throwable t) {
            post(
                    () -> {
                        if (attempt == generation) {
                            settle(call.onFailure(t));
                        }
                    });
        }

        @Override
        public void onComplete() {
            WireResponse whole =
                    new WireResponse(
                            head.status(),
                            head.headers(),
                            bytes.toByteArray(),
                            head.timeToFirstByte());
            post(
                    () -> {
                        if (attempt == generation) {
                            settle(call.onWhole(whole));
                        }
                    });
        }
    }
}
