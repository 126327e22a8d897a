package dev.dualpath.adapter.model;

import org.jspecify.annotations.Nullable;

/**
 * A tool call the model asked for.
 *
 * @param id the provider's id for the call
 * @param type usually {@code function}
 * @param functionName the function to call
 * @param argumentsJson the arguments as the raw JSON string the provider sent
 */
public record ToolCall(
        @Nullable String id,
        @Nullable String type,
        @Nullable String functionName,
        @Nullable String argumentsJson) {}
