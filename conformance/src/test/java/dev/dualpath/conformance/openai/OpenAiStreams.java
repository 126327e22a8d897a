package dev.dualpath.conformance.openai;

import com.openai.core.JsonValue;
import com.openai.core.http.Headers;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChoiceDelta;
import dev.dualpath.adapter.model.ServerTimeInfo;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.model.Usage;
import java.util.List;
import java.util.Map;

/**
 * openai-java's streamed chunks in dualpath's shape, field for field as the client exposes them
 * (reasoning and {@code time_info} from the additional properties it keeps; tool-call deltas left
 * out), and the response they amount to as the client's own {@link ChatCompletionAccumulator}
 * assembles it. A streamed call exposes no response headers here, so the provider request id and
 * rate-limit headers stay empty.
 */
final class OpenAiStreams {

    private static final Headers NO_HEADERS = Headers.builder().build();

    private OpenAiStreams() {}

    static ChatChunk chunk(ChatCompletionChunk c) {
        List<ChoiceDelta> choices =
                c.choices().stream()
                        .map(
                                ch ->
                                        new ChoiceDelta(
                                                (int) ch.index(),
                                                ch.delta()
                                                        .role()
                                                        .map(Object::toString)
                                                        .orElse(null),
                                                ch.delta().content().orElse(null),
                                                OpenAiResponses.text(
                                                        ch.delta()
                                                                ._additionalProperties()
                                                                .get("reasoning")),
                                                List.of(),
                                                ch.finishReason()
                                                        .map(Object::toString)
                                                        .orElse(null)))
                        .toList();
        Usage usage = c.usage().map(OpenAiResponses::usage).orElse(null);
        return new ChatChunk(
                c.id(),
                c.model(),
                c.created(),
                c.systemFingerprint().orElse(null),
                c.serviceTier().map(Object::toString).orElse(null),
                choices,
                usage,
                timeInfo(c._additionalProperties().get("time_info")));
    }

    /**
     * The accumulated response.
     *
     * @throws IllegalStateException as the accumulator does for an unfinished stream
     */
    static UnifiedChatResponse response(ChatCompletionAccumulator acc, String requestId) {
        return OpenAiResponses.of(acc.chatCompletion(), NO_HEADERS, requestId);
    }

    @SuppressWarnings("unchecked")
    private static ServerTimeInfo timeInfo(JsonValue v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> t = v.convert(Map.class);
        return new ServerTimeInfo(
                OpenAiResponses.number(t.get("queue_time")),
                OpenAiResponses.number(t.get("prompt_time")),
                OpenAiResponses.number(t.get("completion_time")),
                OpenAiResponses.number(t.get("total_time")));
    }
}
