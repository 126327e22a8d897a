package dev.dualpath.bench;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.dualpath.adapter.ChatStream;
import dev.dualpath.adapter.ChatStreamPublisher;
import dev.dualpath.adapter.compat.SyncStrategy;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.transport.BlockingStream;
import dev.dualpath.adapter.transport.StreamingTransport;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The ways {@link StreamingBenchmark} makes one streamed call. Each opens a {@link Handle} on which
 * the benchmark waits for the first item (time to first token) and then reads the rest (total
 * time); every handle is closed after its call, so nothing stays open between calls.
 */
public enum StreamPath {

    /**
     * The raw streaming transport: the request pre-encoded, the body read as bytes with no
     * decoding. Its first item is the first body bytes: the baseline for time to first token.
     */
    RAW_TRANSPORT {
        @Override
        Handle open(StreamingBenchmark.Setup s) {
            BlockingStream stream =
                    ((StreamingTransport) s.target().transport())
                            .openStream(s.target().streamWire());
            return new Handle() {
                @Override
                public Object next() {
                    ByteBuffer bytes = stream.body().read();
                    return bytes == null ? null : bytes.remaining();
                }

                @Override
                public void close() {
                    stream.body().close();
                }
            };
        }
    },

    /** {@code streamSync()}: read, decoded and handed over on the calling thread. */
    SYNC_STREAM {
        @Override
        Handle open(StreamingBenchmark.Setup s) {
            return chunks(s.target().adapter().streamSync(s.request()));
        }
    },

    /**
     * {@code stream()}: the publisher, one chunk requested at a time, chunks handed to the caller's
     * thread through a queue (how a caller that waits for the first token consumes it).
     */
    ASYNC_PUBLISHER {
        @Override
        Handle open(StreamingBenchmark.Setup s) {
            return Queued.subscribe(s.target().adapter().stream(s.request()));
        }
    },

    /**
     * The compat layer's {@code SHARED_LOOP} over the publisher: the caller blocks on each chunk,
     * which the adapter's long-lived executor hands over, and asks for the next one only then — a
     * hand-off to and from the caller's thread per chunk. Against {@link #ASYNC_PUBLISHER} it shows
     * what blocking for each chunk costs; {@link #LOOP_PER_CALL} against it, what the fresh loop
     * adds.
     */
    SHARED_LOOP {
        @Override
        Handle open(StreamingBenchmark.Setup s) {
            return chunks(SyncStrategy.SHARED_LOOP.stream(s.target().adapter(), s.request()));
        }
    },

    /**
     * The compat layer's {@code LOOP_PER_CALL} over the publisher: a fresh loop per stream, with
     * the same blocking hand-off per chunk as {@link #SHARED_LOOP}.
     */
    LOOP_PER_CALL {
        @Override
        Handle open(StreamingBenchmark.Setup s) {
            return chunks(SyncStrategy.LOOP_PER_CALL.stream(s.target().adapter(), s.request()));
        }
    },

    /** The official openai-java blocking client's {@code createStreaming} (OkHttp). */
    OPENAI_JAVA {
        @Override
        Handle open(StreamingBenchmark.Setup s) {
            StreamResponse<ChatCompletionChunk> response =
                    s.openAi().chat().completions().createStreaming(s.openAiParams());
            Iterator<ChatCompletionChunk> it = response.stream().iterator();
            return new Handle() {
                @Override
                public Object next() {
                    return it.hasNext() ? it.next() : null;
                }

                @Override
                public void close() {
                    response.close();
                }
            };
        }
    };

    /** One streamed call in progress. */
    interface Handle extends AutoCloseable {
        /** The next item, blocking until it arrives; null at the end of the stream. */
        Object next();

        /** Ends the call; idempotent. */
        @Override
        void close();
    }

    abstract Handle open(StreamingBenchmark.Setup s);

    private static Handle chunks(ChatStream stream) {
        return new Handle() {
            @Override
            public Object next() {
                return stream.hasNext() ? stream.next() : null;
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    /** The openai-java client the {@link #OPENAI_JAVA} path uses, with no retries. */
    static OpenAIClient openAiClient(String baseUrl) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl + "/v1")
                .apiKey("sk-bench-not-a-secret")
                .maxRetries(0)
                .build();
    }

    /** The openai-java equivalent of {@code request}: same model and user message. */
    static ChatCompletionCreateParams openAiParams(ChatRequest request) {
        return ChatCompletionCreateParams.builder()
                .model(request.model())
                .addUserMessage(request.messages().get(0).content())
                .build();
    }

    /**
     * A subscriber asking for one chunk at a time and handing each to the caller through a queue;
     * the end (or failure) is a marker in the same queue.
     */
    private static final class Queued implements Flow.Subscriber<Object>, Handle {
        private static final Object END = new Object();
        private static final long WAIT_SECONDS = 30;

        private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private final ChatStreamPublisher publisher;
        private volatile Flow.Subscription subscription;

        private Queued(ChatStreamPublisher publisher) {
            this.publisher = publisher;
        }

        static Queued subscribe(ChatStreamPublisher publisher) {
            Queued q = new Queued(publisher);
            publisher.subscribe(q);
            return q;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(Object item) {
            queue.add(item);
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            queue.add(new IllegalStateException("the stream failed", t));
        }

        @Override
        public void onComplete() {
            queue.add(END);
        }

        @Override
        public Object next() {
            Object item;
            try {
                item = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a chunk", e);
            }
            if (item == null) {
                throw new IllegalStateException("no chunk within " + WAIT_SECONDS + " s");
            }
            if (item instanceof IllegalStateException failure) {
                queue.add(failure); // the end is sticky, as END is: a later next() throws again
                throw failure;
            }
            if (item == END) {
                queue.add(END);
                return null;
            }
            return item;
        }

        @Override
        public void close() {
            Flow.Subscription s = subscription;
            if (s != null && !publisher.response().isDone()) {
                s.cancel();
            }
        }
    }
}
