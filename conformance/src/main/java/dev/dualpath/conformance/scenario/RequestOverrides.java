package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.conformance.fake.InvalidFieldException;
import java.util.List;
import java.util.Map;

/**
 * What a scenario changes in the default request; null fields keep the default.
 *
 * @param model the model, or null for {@link #DEFAULT_MODEL}
 * @param messages the messages, or null for one user message {@link #DEFAULT_PROMPT}
 * @param n number of choices, or null
 * @param reasoningFormat {@code none|parsed|text_parsed|raw|hidden}, or null
 * @param extraBody further top-level fields, never null
 * @param stream whether the call is streamed: each path makes it through its streaming face and the
 *     runner compares the chunks it delivered as well as its outcome
 */
public record RequestOverrides(
        String model,
        List<ChatMessage> messages,
        Integer n,
        String reasoningFormat,
        Map<String, Object> extraBody,
        boolean stream) {

    public static final String DEFAULT_MODEL = "llama-3.3-70b";
    public static final String DEFAULT_PROMPT = "Say hello.";
    public static final RequestOverrides NONE =
            new RequestOverrides(null, null, null, null, Map.of(), false);

    private static final List<String> FORMATS =
            List.of("none", "parsed", "text_parsed", "raw", "hidden");

    /**
     * @throws InvalidFieldException naming the field
     */
    public RequestOverrides {
        if (model != null && model.isBlank()) {
            throw new InvalidFieldException("model", "must not be blank");
        }
        if (messages != null && messages.isEmpty()) {
            throw new InvalidFieldException("messages", "must hold at least one message");
        }
        messages = messages == null ? null : List.copyOf(messages);
        if (n != null && n < 1) {
            throw new InvalidFieldException("n", "must be >= 1, was " + n);
        }
        if (reasoningFormat != null && !FORMATS.contains(reasoningFormat)) {
            throw new InvalidFieldException(
                    "reasoningFormat", "must be one of " + FORMATS + ", was " + reasoningFormat);
        }
        extraBody = extraBody == null ? Map.of() : Map.copyOf(extraBody);
    }

    /** Overrides for a call that is not streamed. */
    public RequestOverrides(
            String model,
            List<ChatMessage> messages,
            Integer n,
            String reasoningFormat,
            Map<String, Object> extraBody) {
        this(model, messages, n, reasoningFormat, extraBody, false);
    }

    /** The request the runner sends (the runner sets the request id). */
    public ChatRequest toChatRequest() {
        return ChatRequest.builder(model == null ? DEFAULT_MODEL : model)
                .messages(messages == null ? List.of(ChatMessage.user(DEFAULT_PROMPT)) : messages)
                .n(n)
                .reasoningFormat(reasoningFormat)
                .extraBody(extraBody)
                .build();
    }
}
