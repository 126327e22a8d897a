package dev.dualpath.adapter.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A chat-completions request, validated on construction so that no bad request reaches I/O.
 *
 * <p>Optional fields are {@code null} when unset and are then left out of the wire body.
 *
 * @param model the model name; never blank
 * @param messages at least one message
 * @param maxCompletionTokens upper bound on generated tokens, or null; positive when set
 * @param temperature sampling temperature, or null
 * @param topP nucleus sampling mass, or null
 * @param seed sampling seed, or null
 * @param stop stop sequences, or null
 * @param n number of choices, or null; positive when set
 * @param reasoningEffort {@code low|medium|high}, or null
 * @param reasoningFormat {@code none|parsed|text_parsed|raw|hidden}, or null
 * @param extraBody further top-level JSON fields sent as given (e.g. {@code tools}, {@code
 *     response_format}); never null, may be empty
 * @param requestId the caller's correlation id, or null to have one generated per call; sent as
 *     {@code X-Request-Id} and carried by every error and response
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        @Nullable Integer maxCompletionTokens,
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Long seed,
        @Nullable List<String> stop,
        @Nullable Integer n,
        @Nullable String reasoningEffort,
        @Nullable String reasoningFormat,
        Map<String, Object> extraBody,
        @Nullable String requestId) {

    /**
     * @throws IllegalArgumentException naming the field, if {@code model} is null or blank, {@code
     *     messages} is null or empty, or a numeric bound is not positive
     */
    public ChatRequest {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        messages = List.copyOf(messages);
        if (maxCompletionTokens != null && maxCompletionTokens <= 0) {
            throw new IllegalArgumentException(
                    "maxCompletionTokens must be positive, was " + maxCompletionTokens);
        }
        if (n != null && n <= 0) {
            throw new IllegalArgumentException("n must be positive, was " + n);
        }
        stop = stop == null ? null : List.copyOf(stop);
        extraBody = extraBody == null ? Map.of() : Map.copyOf(extraBody);
    }

    /** A request with only a model and messages. */
    public static ChatRequest of(String model, List<ChatMessage> messages) {
        return builder(model).messages(messages).build();
    }

    /** A builder starting from a model name. */
    public static Builder builder(String model) {
        return new Builder(model);
    }

    /** A copy of this request with the given correlation id. */
    public ChatRequest withRequestId(@Nullable String id) {
        return new ChatRequest(
                model,
                messages,
                maxCompletionTokens,
                temperature,
                topP,
                seed,
                stop,
                n,
                reasoningEffort,
                reasoningFormat,
                extraBody,
                id);
    }

    /** Builds a {@link ChatRequest}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final String model;
        private List<ChatMessage> messages = List.of();
        private @Nullable Integer maxCompletionTokens;
        private @Nullable Double temperature;
        private @Nullable Double topP;
        private @Nullable Long seed;
        private @Nullable List<String> stop;
        private @Nullable Integer n;
        private @Nullable String reasoningEffort;
        private @Nullable String reasoningFormat;
        private Map<String, Object> extraBody = Map.of();
        private @Nullable String requestId;

        private Builder(String model) {
            this.model = model;
        }

        public Builder messages(List<ChatMessage> value) {
            this.messages = value;
            return this;
        }

        public Builder message(ChatMessage value) {
            this.messages = new java.util.ArrayList<>(messages);
            this.messages.add(value);
            return this;
        }

        public Builder maxCompletionTokens(@Nullable Integer value) {
            this.maxCompletionTokens = value;
            return this;
        }

        public Builder temperature(@Nullable Double value) {
            this.temperature = value;
            return this;
        }

        public Builder topP(@Nullable Double value) {
            this.topP = value;
            return this;
        }

        public Builder seed(@Nullable Long value) {
            this.seed = value;
            return this;
        }

        public Builder stop(@Nullable List<String> value) {
            this.stop = value;
            return this;
        }

        public Builder n(@Nullable Integer value) {
            this.n = value;
            return this;
        }

        public Builder reasoningEffort(@Nullable String value) {
            this.reasoningEffort = value;
            return this;
        }

        public Builder reasoningFormat(@Nullable String value) {
            this.reasoningFormat = value;
            return this;
        }

        public Builder extraBody(Map<String, Object> value) {
            this.extraBody = value;
            return this;
        }

        public Builder requestId(@Nullable String value) {
            this.requestId = value;
            return this;
        }

        /**
         * Builds the request, validating every field.
         *
         * @throws IllegalArgumentException as {@link ChatRequest}'s constructor
         */
        public ChatRequest build() {
            return new ChatRequest(
                    model,
                    messages,
                    maxCompletionTokens,
                    temperature,
                    topP,
                    seed,
                    stop,
                    n,
                    reasoningEffort,
                    reasoningFormat,
                    extraBody,
                    requestId);
        }
    }
}
