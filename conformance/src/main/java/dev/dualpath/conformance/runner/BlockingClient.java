package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;

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
}
