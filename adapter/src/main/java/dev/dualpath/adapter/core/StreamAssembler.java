package dev.dualpath.adapter.core;

import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.ChoiceDelta;
import dev.dualpath.adapter.model.ProviderMetadata;
import dev.dualpath.adapter.model.ServerTimeInfo;
import dev.dualpath.adapter.model.ToolCall;
import dev.dualpath.adapter.model.ToolCallDelta;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.model.Usage;
import dev.dualpath.adapter.wire.WireResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link UnifiedChatResponse} a stream amounts to from its chunks as the provider sent
 * them (before any {@code <think>} routing), so that it equals the non-streaming response for the
 * same content: per choice index, the first role, the content and reasoning deltas concatenated
 * (null when no delta carried any), tool-call fragments joined by index, the last finish reason;
 * then the same {@link ReasoningExtractor} split, metrics and metadata as {@link
 * ResponseProcessor}. Top-level fields come from the first chunk that has them; {@code usage} and
 * {@code time_info} from the last. Pure; not thread-safe (one per stream).
 */
final class StreamAssembler {

    private @Nullable String id;
    private @Nullable String model;
    private long created;
    private @Nullable String fingerprint;
    private @Nullable String tier;
    private @Nullable Usage usage;
    private @Nullable ServerTimeInfo time;
    private final Map<Integer, ChoiceState> choices = new TreeMap<>();

    /** One choice being assembled. */
    private static final class ChoiceState {
        @Nullable String role;
        @Nullable StringBuilder content;
        @Nullable StringBuilder reasoning;
        @Nullable String finish;
        final Map<Integer, ToolState> tools = new TreeMap<>();
    }

    /** One tool call being assembled. */
    private static final class ToolState {
        @Nullable String id;
        @Nullable String type;
        @Nullable String name;
        @Nullable StringBuilder arguments;
    }

    /** Adds one chunk, deltas as sent. */
    void add(ChatChunk chunk) {
        id = id != null ? id : chunk.id();
        model = model != null ? model : chunk.model();
        created = created != 0 ? created : chunk.createdEpochSeconds();
        fingerprint = fingerprint != null ? fingerprint : chunk.systemFingerprint();
        tier = tier != null ? tier : chunk.serviceTier();
        usage = chunk.usage() != null ? chunk.usage() : usage;
        time = chunk.timeInfo() != null ? chunk.timeInfo() : time;
        for (ChoiceDelta d : chunk.choices()) {
            ChoiceState c = choices.computeIfAbsent(d.index(), i -> new ChoiceState());
            c.role = c.role != null ? c.role : d.role();
            c.content = append(c.content, d.content());
            c.reasoning = append(c.reasoning, d.reasoning());
            c.finish = d.finishReason() != null ? d.finishReason() : c.finish;
            for (ToolCallDelta t : d.toolCalls()) {
                ToolState s = c.tools.computeIfAbsent(t.index(), i -> new ToolState());
                s.id = s.id != null ? s.id : t.id();
                s.type = s.type != null ? s.type : t.type();
                s.name = s.name != null ? s.name : t.functionName();
                s.arguments = append(s.arguments, t.argumentsFragment());
            }
        }
    }

    private static @Nullable StringBuilder append(
            @Nullable StringBuilder sb, @Nullable String piece) {
        if (piece == null) {
            return sb;
        }
        return (sb == null ? new StringBuilder() : sb).append(piece);
    }

    /** The index of a choice that has no finish reason yet, or -1 when every choice has one. */
    int unfinishedChoice() {
        for (Map.Entry<Integer, ChoiceState> e : choices.entrySet()) {
            if (e.getValue().finish == null) {
                return e.getKey();
            }
        }
        return -1;
    }

    /**
     * The response the chunks added so far amount to.
     *
     * @param head the stream's status and headers, and its time to first byte
     * @param duration client wall time of the whole call
     * @param requestId the call's correlation id
     * @param attempts how many attempts the call made
     */
    UnifiedChatResponse response(
            WireResponse head, Duration duration, String requestId, int attempts) {
        List<Choice> out = new ArrayList<>(choices.size());
        choices.forEach((index, c) -> out.add(choice(index, c)));
        TimeInfo t =
                time == null
                        ? TimeInfo.NONE
                        : new TimeInfo(
                                time.queueSeconds(),
                                time.promptSeconds(),
                                time.completionSeconds(),
                                time.totalSeconds());
        return new UnifiedChatResponse(
                id,
                model,
                created,
                fingerprint,
                tier,
                out,
                usage,
                ResponseProcessor.metrics(head, duration, usage, t),
                new ProviderMetadata(
                        ResponseProcessor.PROVIDER,
                        requestId,
                        head.header(ResponseHeaders.PROVIDER_REQUEST_ID),
                        attempts,
                        RateLimitHeaders.of(head)));
    }

    private static Choice choice(int index, ChoiceState c) {
        ReasoningExtractor.Split split =
                ReasoningExtractor.split(text(c.content), text(c.reasoning));
        List<ToolCall> tools = new ArrayList<>(c.tools.size());
        c.tools
                .values()
                .forEach(s -> tools.add(new ToolCall(s.id, s.type, s.name, text(s.arguments))));
        return new Choice(index, c.finish, c.role, split.content(), split.reasoning(), tools);
    }

    private static @Nullable String text(@Nullable StringBuilder sb) {
        return sb == null ? null : sb.toString();
    }
}
