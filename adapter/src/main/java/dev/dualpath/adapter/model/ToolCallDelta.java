package dev.dualpath.adapter.model;

import org.jspecify.annotations.Nullable;

/**
 * A fragment of a streamed tool call; fragments with the same {@code index} in one choice build one
 * {@link ToolCall}: the first non-null id, type and name, and the arguments concatenated.
 *
 * @param index the tool call's index within its choice (its position when the provider sent none)
 * @param id the call's id, usually only in its first fragment; else null
 * @param type usually {@code function}, in the first fragment; else null
 * @param functionName the function, in the first fragment; else null
 * @param argumentsFragment the next piece of the arguments' JSON text, or null
 */
public record ToolCallDelta(
        int index,
        @Nullable String id,
        @Nullable String type,
        @Nullable String functionName,
        @Nullable String argumentsFragment) {}
