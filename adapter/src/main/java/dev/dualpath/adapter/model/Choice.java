package dev.dualpath.adapter.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One completion choice.
 *
 * @param index its index among the choices
 * @param finishReason {@code stop|length|content_filter|tool_calls}, or null if the provider sent
 *     none
 * @param role the message role, usually {@code assistant}
 * @param content the answer with any leading {@code <think>} block removed; null when the provider
 *     sent null or no {@code content} (e.g. a {@code length} finish)
 * @param reasoning the reasoning from {@code message.reasoning} or a leading {@code
 *     <think>…</think>} block; null when there is none
 * @param toolCalls tool calls, never null, may be empty
 */
public record Choice(
        int index,
        @Nullable String finishReason,
        @Nullable String role,
        @Nullable String content,
        @Nullable String reasoning,
        List<ToolCall> toolCalls) {

    public Choice {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
