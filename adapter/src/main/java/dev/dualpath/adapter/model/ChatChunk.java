package dev.dualpath.adapter.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One chunk of a streamed chat completion ({@code object: "chat.completion.chunk"}), as delivered
 * by {@code streamSync()} and {@code stream()}: one per {@code data:} event of the provider's event
 * stream, in order, {@code [DONE]} and error events excluded — plus, only when a choice's text ends
 * in something held back to route a {@code <think>} block (see {@link ChoiceDelta}), one last chunk
 * carrying it, so that the deltas always add up to the text.
 *
 * @param id the completion id (the same on every chunk of a stream), or null
 * @param model the model, or null
 * @param createdEpochSeconds {@code created} in whole seconds (a float truncated), 0 when absent
 * @param systemFingerprint {@code system_fingerprint}, or null
 * @param serviceTier {@code service_tier}, or null
 * @param choices the choice deltas, never null; empty in the last chunk that carries only {@code
 *     usage} and {@code time_info}
 * @param usage token counts, usually only on the last chunk; else null
 * @param timeInfo the server's {@code time_info}, usually only on the last chunk; else null
 */
public record ChatChunk(
        @Nullable String id,
        @Nullable String model,
        long createdEpochSeconds,
        @Nullable String systemFingerprint,
        @Nullable String serviceTier,
        List<ChoiceDelta> choices,
        @Nullable Usage usage,
        @Nullable ServerTimeInfo timeInfo) {

    public ChatChunk {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The first choice's content delta, or null when there is none. */
    public @Nullable String content() {
        return choices.isEmpty() ? null : choices.get(0).content();
    }

    /** The first choice's reasoning delta, or null when there is none. */
    public @Nullable String reasoning() {
        return choices.isEmpty() ? null : choices.get(0).reasoning();
    }
}
