package dev.dualpath.conformance.openai;

import com.openai.core.JsonValue;
import com.openai.core.http.Headers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.completions.CompletionUsage;
import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.ProviderMetadata;
import dev.dualpath.adapter.model.ResponseMetrics;
import dev.dualpath.adapter.model.ToolCall;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.model.Usage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An openai-java {@link ChatCompletion} in dualpath's shape, field for field as the client exposes
 * it: no {@code <think>} splitting (the client has none), {@code reasoning} and {@code time_info}
 * read from the additional properties the client keeps, attempts left unknown (0; the runner counts
 * them by the recorded retry waits).
 */
final class OpenAiResponses {

    private OpenAiResponses() {}

    static UnifiedChatResponse of(ChatCompletion c, Headers headers, String requestId) {
        List<Choice> choices = c.choices().stream().map(OpenAiResponses::choice).toList();
        Usage usage = c.usage().map(OpenAiResponses::usage).orElse(null);
        ProviderMetadata metadata =
                new ProviderMetadata(
                        "openai-java",
                        requestId,
                        first(headers, "x-request-id"),
                        0,
                        rateLimit(headers));
        return new UnifiedChatResponse(
                c.id(),
                c.model(),
                c.created(),
                c.systemFingerprint().orElse(null),
                c.serviceTier().map(Object::toString).orElse(null),
                choices,
                usage,
                metrics(c._additionalProperties().get("time_info"), usage),
                metadata);
    }

    private static Choice choice(ChatCompletion.Choice ch) {
        ChatCompletionMessage m = ch.message();
        List<ToolCall> tools =
                m.toolCalls().orElse(List.of()).stream()
                        .filter(ChatCompletionMessageToolCall::isFunction)
                        .map(t -> t.asFunction())
                        .map(
                                f ->
                                        new ToolCall(
                                                f.id(),
                                                "function",
                                                f.function().name(),
                                                f.function().arguments()))
                        .toList();
        JsonValue reasoning = m._additionalProperties().get("reasoning");
        return new Choice(
                (int) ch.index(),
                finishReason(ch),
                text(m._role()),
                m.content().orElse(null),
                text(reasoning),
                tools);
    }

    private static String finishReason(ChatCompletion.Choice ch) {
        return ch._finishReason().isMissing() || ch._finishReason().isNull()
                ? null
                : ch.finishReason().toString();
    }

    /** A JSON string as text, or null when absent, null or not a string. */
    static String text(com.openai.core.JsonField<?> v) {
        if (v == null) {
            return null;
        }
        Object s = v.asString().orElse(null);
        return s == null ? null : s.toString();
    }

    static Usage usage(CompletionUsage u) {
        Long cached = u.promptTokensDetails().flatMap(d -> d.cachedTokens()).orElse(null);
        Long reasoning = u.completionTokensDetails().flatMap(d -> d.reasoningTokens()).orElse(null);
        return new Usage(
                u.promptTokens(), u.completionTokens(), u.totalTokens(), cached, reasoning);
    }

    @SuppressWarnings("unchecked")
    private static ResponseMetrics metrics(JsonValue timeInfo, Usage usage) {
        if (timeInfo == null) {
            return new ResponseMetrics(null, null, null, null, null, null, null, null);
        }
        Map<String, Object> t = timeInfo.convert(Map.class);
        Double completion = number(t.get("completion_time"));
        Double tps =
                usage != null && completion != null && completion > 0
                        ? usage.completionTokens() / completion
                        : null;
        return new ResponseMetrics(
                null,
                null,
                null,
                number(t.get("queue_time")),
                number(t.get("prompt_time")),
                completion,
                number(t.get("total_time")),
                tps);
    }

    static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    static String first(Headers headers, String name) {
        List<String> v = headers.values(name);
        return v.isEmpty() ? null : v.get(0);
    }

    /** Every header, lower-cased names to their values (as the client kept them). */
    static Map<String, List<String>> all(Headers headers) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String name : headers.names()) {
            out.put(name.toLowerCase(java.util.Locale.ROOT), headers.values(name));
        }
        return out;
    }

    static Map<String, String> rateLimit(Headers headers) {
        Map<String, String> out = new TreeMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-ratelimit-") && !headers.values(name).isEmpty()) {
                out.put(lower, headers.values(name).get(0));
            }
        }
        return out;
    }
}
