package dev.dualpath.adapter.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one chunk adds to one choice. Concatenating the {@code content} (and the {@code reasoning})
 * deltas of a choice, in order, gives its text; {@link UnifiedChatResponse} built from the whole
 * stream holds the result.
 *
 * <p>A leading {@code <think>…</think>} block in the content is routed to {@code reasoning} as it
 * arrives (text that might still turn out to be the start or the end of the block is held back
 * until it is known), as the non-streaming response splits it. Exception: a block that is never
 * closed has already been delivered as reasoning, while the assembled response, like the
 * non-streaming one, keeps it as content.
 *
 * @param index the choice's index (its position in the chunk when the provider sent none)
 * @param role the role, usually only in a choice's first delta; else null
 * @param content the content delta, or null when this chunk adds none
 * @param reasoning the reasoning delta, or null when this chunk adds none
 * @param toolCalls tool-call fragments, never null
 * @param finishReason set on the choice's last delta, else null
 */
public record ChoiceDelta(
        int index,
        @Nullable String role,
        @Nullable String content,
        @Nullable String reasoning,
        List<ToolCallDelta> toolCalls,
        @Nullable String finishReason) {

    public ChoiceDelta {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
