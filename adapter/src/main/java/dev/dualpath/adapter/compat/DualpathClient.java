package dev.dualpath.adapter.compat;

import dev.dualpath.adapter.ChatAdapter;
import dev.dualpath.adapter.ChatStream;
import dev.dualpath.adapter.ChatStreamPublisher;
import dev.dualpath.adapter.StreamingChatAdapter;
import dev.dualpath.adapter.core.RequestIds;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The OpenAI-style compat layer: {@code client.chat().completions().create(...)} and its async
 * twin, and the streamed pair {@code createStreaming(...)} / {@code createStreamingAsync(...)}. A
 * sync call is dispatched through the {@link SyncStrategy} chosen when the client is built; an
 * async call always goes to {@link ChatAdapter#invoke}.
 *
 * <pre>{@code
 * DualpathClient client = new DualpathClient(adapter, SyncStrategy.DIRECT);
 * UnifiedChatResponse r = client.chat().completions().create("llama3.1-8b", List.of(ChatMessage.user("Hi")));
 * }</pre>
 *
 * <p>Closing the client closes the adapter.
 */
public final class DualpathClient implements AutoCloseable {

    private final ChatAdapter adapter;
    private final SyncStrategy strategy;
    private final Completions completions = new Completions();
    private final Chat chat = new Chat();

    /**
     * @throws NullPointerException naming the argument, if either is null
     */
    public DualpathClient(ChatAdapter adapter, SyncStrategy strategy) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** The chat namespace. */
    public Chat chat() {
        return chat;
    }

    /** The strategy sync calls go through. */
    public SyncStrategy strategy() {
        return strategy;
    }

    @Override
    public void close() {
        adapter.close();
    }

    /** {@code client.chat()}. */
    public final class Chat {
        private Chat() {}

        /** {@code client.chat().completions()}. */
        public Completions completions() {
            return completions;
        }
    }

    /** {@code client.chat().completions()}: create and createAsync. */
    public final class Completions {
        private Completions() {}

        /**
         * A synchronous call through the client's strategy.
         *
         * @throws IllegalArgumentException if the model is blank or messages empty (before any I/O)
         * @throws dev.dualpath.adapter.error.ProviderException on any failure, unwrapped
         */
        public UnifiedChatResponse create(String model, List<ChatMessage> messages) {
            return create(ChatRequest.of(model, messages));
        }

        /** As {@link #create(String, List)} for a full request. */
        public UnifiedChatResponse create(ChatRequest request) {
            return strategy.execute(adapter, withId(request));
        }

        /** An asynchronous call; see {@link ChatAdapter#invoke(ChatRequest)}. */
        public CompletableFuture<UnifiedChatResponse> createAsync(
                String model, List<ChatMessage> messages) {
            return createAsync(ChatRequest.of(model, messages));
        }

        /** As {@link #createAsync(String, List)} for a full request. */
        public CompletableFuture<UnifiedChatResponse> createAsync(ChatRequest request) {
            return adapter.invoke(withId(request));
        }

        /**
         * A streamed call through the client's strategy: chunks read on the calling thread.
         *
         * @return the chunks; close it (try-with-resources) to end the call early
         * @throws IllegalArgumentException if the model is blank or messages empty (before any I/O)
         * @throws dev.dualpath.adapter.error.ProviderException on any failure, unwrapped
         * @throws UnsupportedOperationException if the adapter cannot stream
         * @see SyncStrategy#stream
         */
        public ChatStream createStreaming(String model, List<ChatMessage> messages) {
            return createStreaming(ChatRequest.of(model, messages));
        }

        /** As {@link #createStreaming(String, List)} for a full request. */
        public ChatStream createStreaming(ChatRequest request) {
            return strategy.stream(adapter, withId(request));
        }

        /**
         * A streamed call as a publisher; see {@link StreamingChatAdapter#stream(ChatRequest)}.
         *
         * @throws UnsupportedOperationException if the adapter cannot stream
         */
        public ChatStreamPublisher createStreamingAsync(ChatRequest request) {
            if (!(adapter instanceof StreamingChatAdapter streaming)) {
                throw new UnsupportedOperationException("this adapter cannot stream: " + adapter);
            }
            return streaming.stream(withId(request));
        }
    }

    /**
     * Every strategy's errors carry the same id, including a cancellation raised outside the
     * adapter.
     */
    private static ChatRequest withId(ChatRequest request) {
        return request.requestId() != null ? request : request.withRequestId(RequestIds.next());
    }
}
