package dev.dualpath.conformance.openai;

import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;

/**
 * A dualpath {@link ChatRequest} as openai-java request parameters, correlation id as {@code
 * X-Request-Id}.
 */
final class OpenAiRequests {

    private OpenAiRequests() {}

    static ChatCompletionCreateParams params(ChatRequest r) {
        ChatCompletionCreateParams.Builder b =
                ChatCompletionCreateParams.builder().model(r.model());
        for (ChatMessage m : r.messages()) {
            switch (m.role()) {
                case "system" -> b.addSystemMessage(m.content());
                case "assistant" -> b.addAssistantMessage(m.content());
                default -> b.addUserMessage(m.content());
            }
        }
        if (r.n() != null) {
            b.n(r.n());
        }
        if (r.reasoningFormat() != null) {
            b.putAdditionalBodyProperty("reasoning_format", JsonValue.from(r.reasoningFormat()));
        }
        r.extraBody().forEach((k, v) -> b.putAdditionalBodyProperty(k, JsonValue.from(v)));
        if (r.requestId() != null) {
            b.putAdditionalHeader("X-Request-Id", r.requestId());
        }
        return b.build();
    }
}
