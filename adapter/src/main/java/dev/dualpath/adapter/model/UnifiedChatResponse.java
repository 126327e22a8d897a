package dev.dualpath.adapter.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider response in one shape, whatever path produced it.
 *
 * @param id the provider's completion id
 * @param model the model that answered
 * @param createdEpochSeconds {@code created}, seconds since the epoch (a float is truncated)
 * @param systemFingerprint {@code system_fingerprint}, or null
 * @param serviceTier {@code service_tier}, or null
 * @param choices the choices, never null (empty only if the provider sent none)
 * @param usage token counts, or null when the provider sent no {@code usage}
 * @param metrics timing; see {@link ResponseMetrics}
 * @param metadata provenance; see {@link ProviderMetadata}
 */
public record UnifiedChatResponse(
        @Nullable String id,
        @Nullable String model,
        long createdEpochSeconds,
        @Nullable String systemFingerprint,
        @Nullable String serviceTier,
        List<Choice> choices,
        @Nullable Usage usage,
        ResponseMetrics metrics,
        ProviderMetadata metadata) {

    public UnifiedChatResponse {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The first choice's content, or null if there is no choice or it has no content. */
    public @Nullable String content() {
        return choices.isEmpty() ? null : choices.get(0).content();
    }

    /** The first choice's reasoning, or null. */
    public @Nullable String reasoning() {
        return choices.isEmpty() ? null : choices.get(0).reasoning();
    }

    /** The first choice's finish reason, or null. */
    public @Nullable String finishReason() {
        return choices.isEmpty() ? null : choices.get(0).finishReason();
    }

    /** This response with its timing fields replaced, for comparisons that must ignore timing. */
    public UnifiedChatResponse withMetrics(ResponseMetrics replacement) {
        return new UnifiedChatResponse(
                id,
                model,
                createdEpochSeconds,
                systemFingerprint,
                serviceTier,
                choices,
                usage,
                replacement,
                metadata);
    }
}
