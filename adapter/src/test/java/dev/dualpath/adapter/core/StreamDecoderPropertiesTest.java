package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.ChoiceDelta;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The stream and the whole body agree: a completion streamed as chunks — any line ends, comments,
 * ids, a BOM, split into network reads of any size (UTF-8 characters cut in half included) —
 * assembles to exactly the response its non-streaming body reads as, and the chunks' deltas add up
 * to that response's text.
 */
class StreamDecoderPropertiesTest {

    private static final ApiKey KEY = new ApiKey("sk-stream-property-key");
    private static final Duration DURATION = Duration.ofMillis(250);
    private static final WireResponse HEAD =
            new WireResponse(
                    200,
                    Map.of(
                            "content-type", List.of("text/event-stream"),
                            "x-request-id", List.of("srv-1"),
                            "x-ratelimit-remaining-requests-day", List.of("99")),
                    null,
                    Duration.ofMillis(7));

    @Provide
    Arbitrary<Completions.Completion> completions() {
        return Completions.completions();
    }

    @Property(tries = 1000)
    void theAssembledStreamEqualsTheNonStreamingResponse(
            @ForAll("completions") Completions.Completion c) {
        Decoded d = decode(c, new Random(c.seed()));
        UnifiedChatResponse whole =
                new ResponseProcessor(KEY)
                        .process(
                                new WireResponse(
                                        200, HEAD.headers(), c.body(), HEAD.timeToFirstByte()),
                                DURATION,
                                "req-1",
                                1);
        assertThat(d.decoder.failure()).isNull();
        assertThat(d.decoder.response(DURATION, 1)).isEqualTo(whole);
    }

    @Property(tries = 500)
    void theDeltasAddUpToTheAssembledText(@ForAll("completions") Completions.Completion c) {
        Assume.that(c.choices().stream().noneMatch(Completions.GenChoice::unclosedThink));
        Decoded d = decode(c, new Random(c.seed() + 1));
        UnifiedChatResponse whole = d.decoder.response(DURATION, 1);
        for (Choice choice : whole.choices()) {
            StringBuilder content = new StringBuilder();
            StringBuilder reasoning = new StringBuilder();
            for (ChatChunk chunk : d.chunks) {
                for (ChoiceDelta delta : chunk.choices()) {
                    if (delta.index() == choice.index()) {
                        content.append(delta.content() == null ? "" : delta.content());
                        reasoning.append(delta.reasoning() == null ? "" : delta.reasoning());
                    }
                }
            }
            assertThat(content.toString())
                    .as("content of choice %d", choice.index())
                    .isEqualTo(choice.content() == null ? "" : choice.content());
            assertThat(reasoning.toString())
                    .as("reasoning of choice %d", choice.index())
                    .isEqualTo(choice.reasoning() == null ? "" : choice.reasoning());
        }
    }

    @Property(tries = 300)
    void theFastReaderAgreesWithTheTreeReader(@ForAll("completions") Completions.Completion c) {
        ChatChunk previous = null;
        ChunkFastReader reader = new ChunkFastReader();
        for (String event : c.events()) {
            if (event.equals("[DONE]")) {
                continue;
            }
            byte[] data = event.getBytes(StandardCharsets.UTF_8);
            ChatChunk fast = reader.read(data, data.length, previous);
            assertThat(fast).isEqualTo(ChunkTreeReader.chunk(ChunkTreeReader.parse(data)));
            previous = fast;
        }
    }

    /** The decoder after the whole stream, and the chunks it produced. */
    record Decoded(StreamDecoder decoder, List<ChatChunk> chunks) {}

    /** Writes the events with random framing, feeds them in random pieces, drains the chunks. */
    static Decoded decode(Completions.Completion c, Random random) {
        StreamDecoder decoder =
                new StreamDecoder(new ErrorMapper(KEY), new ResponseProcessor(KEY), HEAD, "req-1");
        byte[] bytes = frame(c.events(), random);
        List<ChatChunk> chunks = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            int n = Math.min(bytes.length - i, 1 + random.nextInt(random.nextBoolean() ? 3 : 80));
            decoder.feed(
                    random.nextBoolean()
                            ? ByteBuffer.wrap(bytes, i, n)
                            : ByteBuffer.allocateDirect(n).put(bytes, i, n).flip());
            i += n;
            for (ChatChunk chunk = decoder.poll(); chunk != null; chunk = decoder.poll()) {
                chunks.add(chunk);
            }
        }
        decoder.endOfInput();
        for (ChatChunk chunk = decoder.poll(); chunk != null; chunk = decoder.poll()) {
            chunks.add(chunk);
        }
        return new Decoded(decoder, chunks);
    }

    /** The events as an event stream: random line ends, comments, ids, types, maybe a BOM. */
    static byte[] frame(List<String> events, Random random) {
        String[] ends = {"\n", "\r\n", "\r"};
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(4) == 0) {
            sb.append('\uFEFF');
        }
        int id = 0;
        for (String data : events) {
            String end = ends[random.nextInt(ends.length)];
            if (random.nextInt(3) == 0) {
                sb.append(": keep-alive").append(end);
            }
            if (random.nextInt(4) == 0) {
                sb.append("id: ").append(id++).append(end);
            }
            if (random.nextInt(5) == 0) {
                sb.append("event: message").append(end);
            }
            sb.append("data: ").append(data).append(end).append(end);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
