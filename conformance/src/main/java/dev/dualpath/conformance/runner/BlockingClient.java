package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.function.Consumer;

/** A path that makes a call on the calling thread. */
public non-sealed interface BlockingClient extends ClientUnderTest {

    /**
     * Makes one call on the calling thread. The runner calls it on a thread of its own, which it
     * may interrupt (scenario action INTERRUPT).
     *
     * @param request the request, with the correlation id the runner chose
     * @return the response
     * @throws RuntimeException any failure; a {@link dev.dualpath.adapter.error.ProviderException}
     *     is compared field by field, anything else is reported by its class and message
     */
    UnifiedChatResponse call(ChatRequest request);

    /**
     * Makes one streamed call on the calling thread (scenarios with {@code request.stream}),
     * handing each chunk to {@code chunks} as it is delivered, in order. The runner may interrupt
     * the thread (action INTERRUPT).
     *
     * @return the response the stream amounts to
     * @throws RuntimeException any failure, after the chunks delivered before it
     * @throws UnsupportedOperationException by default: a plug-in without {@code streaming}
     */
    default UnifiedChatResponse stream(ChatRequest request, Consumer<ChatChunk> chunks) {
        throw new UnsupportedOperationException("this path does not stream");
    }
}
