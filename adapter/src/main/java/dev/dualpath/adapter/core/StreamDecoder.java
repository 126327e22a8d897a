package dev.dualpath.adapter.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.StreamTruncatedException;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChoiceDelta;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.wire.WireResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One attempt's event stream, from bytes to chunks: the one decoder both deliveries feed (the
 * blocking iterator and the {@code Flow} publisher), so that they deliver the same chunks and end
 * the same way whatever the transport and however the bytes were split. Pure: no I/O, no clock, not
 * thread-safe (its delivery serialises calls).
 *
 * <p>Each {@code data:} event of type {@code message} (or none) is one of:
 *
 * <ul>
 *   <li>{@code [DONE]}: the end. A success only if some chunk came first and every choice has a
 *       finish reason; otherwise a {@link StreamTruncatedException}.
 *   <li>an error object ({@code {"error":{…},"status_code":429}}, or any shape the non-streaming
 *       error reader recognises; an {@code event: error} always is one): the stream fails with
 *       exactly the exception a non-streaming response of that status and body gets from {@link
 *       ErrorMapper} — class, fields and retryability — after the chunks before it. A missing or
 *       unusable {@code status_code} counts as 500.
 *   <li>a chunk: queued for delivery, its {@code <think>} content routed as {@link ThinkSplitter}
 *       says, and added as sent to the {@link StreamAssembler}.
 *   <li>anything else: a {@link dev.dualpath.adapter.error.MalformedResponseException} naming the
 *       event and the field (status kept), after the chunks before it.
 * </ul>
 *
 * Events of other types are skipped. Input that ends before {@code [DONE]} is a {@link
 * StreamTruncatedException}. Once the stream has ended, further input is ignored.
 */
public final class StreamDecoder {

    private static final byte[] DONE = "[DONE]".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final ErrorMapper errors;
    private final ResponseProcessor processor;
    private final WireResponse head;
    private final String requestId;
    private final SseParser parser = new SseParser(this::onEvent);
    private final StreamAssembler assembler = new StreamAssembler();
    private final ChunkFastReader fast = new ChunkFastReader();
    private final ArrayDeque<ChatChunk> ready = new ArrayDeque<>();
    private final Map<Integer, ThinkSplitter> splitters = new TreeMap<>();
    private @Nullable ChatChunk previous;
    private int events;
    private boolean committed;
    private boolean ended;
    private boolean done;
    private @Nullable ProviderException failure;

    /**
     * A decoder for one attempt's stream.
     *
     * @param errors maps an error event as it maps an error response
     * @param processor builds malformed-response errors (redacted, bounded)
     * @param head the stream's status and headers (body empty) and its time to first byte
     * @param requestId the call's correlation id
     * @throws NullPointerException naming the argument
     */
    public StreamDecoder(
            ErrorMapper errors, ResponseProcessor processor, WireResponse head, String requestId) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.head = Objects.requireNonNull(head, "head");
        this.requestId = requestId;
    }

    /** Decodes the remaining bytes of {@code bytes}; ignored once the stream has ended. */
    public void feed(ByteBuffer bytes) {
        if (ended) {
            bytes.position(bytes.limit());
            return;
        }
        parser.feed(bytes);
    }

    /** The input ended: a stream not ended by then is truncated. */
    public void endOfInput() {
        if (ended) {
            return;
        }
        String why =
                parser.hasIncompleteEvent()
                        ? "the stream ended before [DONE], in the middle of an event"
                        : "the stream ended before [DONE]";
        fail(truncated(why));
    }

    /** The next chunk to deliver, or null when none is ready. */
    public ChatChunk poll() {
        return ready.poll();
    }

    /** Whether a chunk is ready to deliver. */
    public boolean hasChunk() {
        return !ready.isEmpty();
    }

    /**
     * Whether the stream has ended ({@code [DONE]}, an error, or the end of input): no chunk will
     * be produced beyond those still ready.
     */
    public boolean isEnded() {
        return ended;
    }

    /**
     * Whether the stream ended with {@code [DONE]} and no failure, so the rest of the body is only
     * the end of the HTTP message (reading it lets the connection be reused).
     */
    public boolean isDone() {
        return done && failure == null;
    }

    /** The failure the stream ended with, to deliver after the ready chunks; null otherwise. */
    public @Nullable ProviderException failure() {
        return failure;
    }

    /** Whether any chunk was produced: from then on, an attempt is never retried. */
    public boolean committed() {
        return committed;
    }

    /** How many events were dispatched, skipped ones included. */
    public int events() {
        return events;
    }

    /**
     * The response the whole stream amounts to; equal to the non-streaming response for the same
     * content, timing aside.
     *
     * @param duration client wall time of the whole call
     * @param attempts how many attempts the call made
     * @throws IllegalStateException unless the stream ended with {@code [DONE]} and no failure
     */
    public UnifiedChatResponse response(Duration duration, int attempts) {
        if (!isDone()) {
            throw new IllegalStateException("the stream did not complete");
        }
        return assembler.response(head, duration, requestId, attempts);
    }

    private void onEvent(@Nullable String type, byte[] data, int length) {
        if (ended) {
            return;
        }
        events++;
        boolean errorEvent = "error".equals(type);
        if (type != null && !errorEvent && !"message".equals(type)) {
            return;
        }
        if (!errorEvent && isDone(data, length)) {
            done();
            return;
        }
        ChatChunk chunk = errorEvent ? null : fast.read(data, length, previous);
        if (chunk == null) {
            chunk = slowRead(Arrays.copyOf(data, length), errorEvent);
            if (chunk == null) {
                return;
            }
        }
        accept(chunk);
    }

    /** The tree reader's verdict: a chunk, or null after ending the stream with its failure. */
    private @Nullable ChatChunk slowRead(byte[] data, boolean errorEvent) {
        try {
            JsonNode root = ChunkTreeReader.parse(data);
            if (errorEvent || ChunkTreeReader.isError(root)) {
                WireResponse asResponse =
                        new WireResponse(
                                ChunkTreeReader.errorStatus(root),
                                head.headers(),
                                data,
                                head.timeToFirstByte());
                fail(errors.fromResponse(asResponse, requestId));
                return null;
            }
            return ChunkTreeReader.chunk(root);
        } catch (Fields.ShapeException e) {
            fail(
                    processor.malformed(
                            head,
                            requestId,
                            null,
                            null,
                            null,
                            "malformed stream event " + events + ": " + e.getMessage()));
            return null;
        }
    }

    private void accept(ChatChunk raw) {
        assembler.add(raw);
        previous = raw;
        committed = true;
        ready.add(routed(raw));
    }

    /** {@code raw} with each choice's {@code <think>} content routed to reasoning. */
    private ChatChunk routed(ChatChunk raw) {
        List<ChoiceDelta> choices = raw.choices();
        List<ChoiceDelta> out = null;
        for (int i = 0; i < choices.size(); i++) {
            ChoiceDelta d = choices.get(i);
            ThinkSplitter.Split split =
                    splitter(d.index()).accept(d.content(), d.reasoning() != null);
            String reasoning = join(d.reasoning(), split.reasoning());
            boolean same =
                    Objects.equals(split.content(), d.content())
                            && Objects.equals(reasoning, d.reasoning());
            if (!same && out == null) {
                out = new ArrayList<>(choices.subList(0, i));
            }
            if (out != null) {
                out.add(
                        same
                                ? d
                                : new ChoiceDelta(
                                        d.index(),
                                        d.role(),
                                        split.content(),
                                        reasoning,
                                        d.toolCalls(),
                                        d.finishReason()));
            }
        }
        return out == null
                ? raw
                : new ChatChunk(
                        raw.id(),
                        raw.model(),
                        raw.createdEpochSeconds(),
                        raw.systemFingerprint(),
                        raw.serviceTier(),
                        out,
                        raw.usage(),
                        raw.timeInfo());
    }

    private ThinkSplitter splitter(int index) {
        return splitters.computeIfAbsent(index, i -> new ThinkSplitter());
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        return a == null ? b : b == null ? a : a + b;
    }

    private void done() {
        int unfinished = assembler.unfinishedChoice();
        if (!committed) {
            fail(truncated("the stream held no chunk before [DONE]"));
        } else if (unfinished >= 0) {
            fail(truncated("[DONE] came before choice " + unfinished + " had a finish reason"));
        } else {
            flushHeldText();
            ended = true;
            done = true;
            fast.close();
        }
    }

    /**
     * Text a splitter still holds (e.g. whitespace that would have been stripped before a {@code
     * </think>} that never came) goes out in one last chunk, so the deltas add up.
     */
    private void flushHeldText() {
        List<ChoiceDelta> rest = new ArrayList<>();
        splitters.forEach(
                (index, s) -> {
                    ThinkSplitter.Split split = s.finish();
                    if (split.content() != null || split.reasoning() != null) {
                        rest.add(
                                new ChoiceDelta(
                                        index,
                                        null,
                                        split.content(),
                                        split.reasoning(),
                                        List.of(),
                                        null));
                    }
                });
        // Held text exists only after a first chunk, so there is one to take the fields from.
        ChatChunk last = previous;
        if (!rest.isEmpty() && last != null) {
            ready.add(
                    new ChatChunk(
                            last.id(),
                            last.model(),
                            last.createdEpochSeconds(),
                            last.systemFingerprint(),
                            last.serviceTier(),
                            rest,
                            null,
                            null));
        }
    }

    private StreamTruncatedException truncated(String why) {
        return new StreamTruncatedException(
                new ErrorDetails(head.status(), null, null, null, why, requestId, true));
    }

    private void fail(ProviderException error) {
        failure = error;
        ended = true;
        fast.close();
    }

    private static boolean isDone(byte[] data, int length) {
        return length == DONE.length && Arrays.equals(data, 0, length, DONE, 0, length);
    }
}
