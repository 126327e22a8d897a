package dev.dualpath.adapter.model;

import org.jspecify.annotations.Nullable;

/**
 * Token counts as reported by the provider.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens generated
 * @param totalTokens prompt plus completion
 * @param cachedTokens {@code prompt_tokens_details.cached_tokens}, or null when absent
 * @param reasoningTokens {@code completion_tokens_details.reasoning_tokens}, or null when absent
 */
public record Usage(
        long promptTokens,
        long completionTokens,
        long totalTokens,
        @Nullable Long cachedTokens,
        @Nullable Long reasoningTokens) {}
