package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.error.ServerErrorException;
import dev.dualpath.adapter.error.StreamTruncatedException;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.Usage;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a stream's events become: chunks, the end, an error after the chunks, a truncation. */
class StreamDecoderTest {

    private static final ApiKey KEY = new ApiKey("sk-decoder-test-key");
    private static final WireResponse HEAD =
            new WireResponse(
                    200,
                    Map.of(
                            "content-type", List.of("text/event-stream"),
                            "x-ratelimit-remaining-requests-minute", List.of("0")),
                    null,
                    Duration.ofMillis(3));

    static String delta(String content) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + content
                + "\"},\"finish_reason\":null}]}";
    }

    static final String FINISH =
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";

    static final String USAGE_ONLY =
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,"
                + "\"total_tokens\":8},\"time_info\":{\"queue_time\":0.001,\"prompt_time\":0.002,"
                + "\"completion_time\":0.5,\"total_time\":0.503}}";

    private final StreamDecoder decoder =
            new StreamDecoder(new ErrorMapper(KEY), new ResponseProcessor(KEY), HEAD, "req-9");

    private List<ChatChunk> feed(String... events) {
        StringBuilder sb = new StringBuilder();
        for (String e : events) {
            sb.append(e.startsWith("event:") || e.startsWith(":") ? e : "data: " + e)
                    .append("\n\n");
        }
        decoder.feed(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
        return drain();
    }

    private List<ChatChunk> drain() {
        List<ChatChunk> out = new ArrayList<>();
        for (ChatChunk c = decoder.poll(); c != null; c = decoder.poll()) {
            out.add(c);
        }
        return out;
    }

    @Test
    void aStreamWithDoneCompletes_withUsageAndTimesFromTheUsageOnlyLastChunk() {
        List<ChatChunk> chunks = feed(delta("Hel"), delta("lo"), FINISH, USAGE_ONLY, "[DONE]");
        assertThat(chunks).extracting(ChatChunk::content).containsExactly("Hel", "lo", null, null);
        assertThat(chunks.get(3).choices()).isEmpty();
        assertThat(chunks.get(3).usage()).isEqualTo(new Usage(5, 3, 8, null, null));
        assertThat(decoder.isDone()).isTrue();
        var response = decoder.response(Duration.ofSeconds(1), 1);
        assertThat(response.content()).isEqualTo("Hello");
        assertThat(response.finishReason()).isEqualTo("stop");
        assertThat(response.usage().totalTokens()).isEqualTo(8);
        assertThat(response.metrics().completionTokensPerSecond()).isEqualTo(6.0);
        assertThat(response.metrics().timeToFirstByte()).isEqualTo(Duration.ofMillis(3));
    }

    @Test
    void anErrorEventAfterThreeDeltas_comesAfterThem_typedAsTheSameStatusWouldBe() {
        String error =
                "{\"error\":{\"message\":\"Requests per minute limit exceeded - too many requests"
                        + " sent.\",\"type\":\"too_many_requests_error\",\"param\":\"quota\","
                        + "\"code\":\"request_quota_exceeded\"},\"status_code\":429}";
        List<ChatChunk> chunks = feed(delta("a"), delta("b"), delta("c"), error, delta("ignored"));
        assertThat(chunks).extracting(ChatChunk::content).containsExactly("a", "b", "c");
        assertThat(decoder.isEnded()).isTrue();
        ProviderException streamed = decoder.failure();
        ProviderException whole =
                new ErrorMapper(KEY)
                        .fromResponse(
                                new WireResponse(
                                        429,
                                        HEAD.headers(),
                                        error.getBytes(StandardCharsets.UTF_8),
                                        null),
                                "req-9");
        assertThat(streamed).isInstanceOf(RateLimitException.class);
        assertThat(streamed.details()).isEqualTo(whole.details());
        assertThat(streamed.retryable()).isTrue();
        assertThat(((RateLimitException) streamed).rateLimit())
                .isEqualTo(((RateLimitException) whole).rateLimit());
        assertThat(streamed.details().code()).isEqualTo("request_quota_exceeded");
    }

    @Test
    void anErrorEventWithoutStatusCode_isA500_andAnErrorTypedEventIsAnErrorWhateverItsShape() {
        feed(delta("a"), "{\"error\":{\"message\":\"boom\"}}");
        assertThat(decoder.failure()).isInstanceOf(ServerErrorException.class);
        assertThat(decoder.failure().status()).isEqualTo(500);

        StreamDecoder other =
                new StreamDecoder(new ErrorMapper(KEY), new ResponseProcessor(KEY), HEAD, "r");
        other.feed(
                ByteBuffer.wrap(
                        "event: error\ndata: {\"message\":\"bad\",\"status_code\":400}\n\n"
                                .getBytes(StandardCharsets.UTF_8)));
        assertThat(other.failure()).isNotNull();
        assertThat(other.failure().status()).isEqualTo(400);
        assertThat(other.failure().getMessage()).contains("bad");
    }

    @Test
    void endingWithoutDone_isTruncated_evenAfterAFinishReason() {
        feed(delta("a"), FINISH);
        decoder.endOfInput();
        assertThat(decoder.failure())
                .isInstanceOf(StreamTruncatedException.class)
                .hasMessageContaining("ended before [DONE]");
        assertThat(decoder.failure().status()).isEqualTo(200);
    }

    @Test
    void endingInTheMiddleOfAnEvent_saysSo() {
        decoder.feed(ByteBuffer.wrap(("data: " + delta("a") + "\n\ndata: [DO").getBytes()));
        decoder.endOfInput();
        assertThat(drain()).hasSize(1);
        assertThat(decoder.failure()).hasMessageContaining("in the middle of an event");
    }

    @Test
    void doneBeforeAFinishReason_isTruncated() {
        feed(delta("a"), "[DONE]");
        assertThat(decoder.failure())
                .isInstanceOf(StreamTruncatedException.class)
                .hasMessageContaining("before choice 0 had a finish reason");
    }

    @Test
    void doneWithNoChunkAtAll_isTruncated() {
        feed("[DONE]");
        assertThat(decoder.failure()).isInstanceOf(StreamTruncatedException.class);
        assertThat(decoder.committed()).isFalse();
    }

    @Test
    void aMalformedEvent_isMalformed_namingTheEventAndTheField_afterTheChunksBeforeIt() {
        List<ChatChunk> chunks =
                feed(
                        delta("a"),
                        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":42}}]}",
                        delta("b"));
        assertThat(chunks).hasSize(1);
        assertThat(decoder.failure())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("malformed stream event 2")
                .hasMessageContaining("choices[0].delta.content: expected a string, got a number");
        assertThat(decoder.failure().retryable()).isFalse();
    }

    @Test
    void invalidJsonInAnEvent_isMalformed_withoutQuotingIt() {
        feed("{\"choices\":[{\"delta\":{\"content\":\"sk-decoder-test-key");
        assertThat(decoder.failure())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("truncated JSON");
        assertThat(decoder.failure().getMessage()).doesNotContain("sk-decoder-test-key");
    }

    @Test
    void eventsOfOtherTypesAndCommentsAreSkipped() {
        List<ChatChunk> chunks =
                feed(": ping", "event: ping\ndata: {}", delta("a"), FINISH, "[DONE]");
        assertThat(chunks).hasSize(2);
        assertThat(decoder.isDone()).isTrue();
        assertThat(decoder.events()).isEqualTo(4);
    }

    @Test
    void thinkContentIsRoutedToReasoning_asTheNonStreamingResponseSplitsIt() {
        List<ChatChunk> chunks =
                feed(
                        delta(" <thi"),
                        delta("nk> step one "),
                        delta(" step two </th"),
                        delta("ink>\\n\\nThe answer"),
                        FINISH,
                        "[DONE]");
        assertThat(chunks)
                .extracting(ChatChunk::reasoning)
                .containsExactly(null, "step one", "  step two", null, null);
        assertThat(chunks)
                .extracting(ChatChunk::content)
                .containsExactly(null, null, null, "The answer", null);
        var response = decoder.response(Duration.ZERO, 1);
        assertThat(response.reasoning()).isEqualTo("step one  step two");
        assertThat(response.content()).isEqualTo("The answer");
    }

    @Test
    void aProviderReasoningDelta_leavesTheContentAlone() {
        String reasoning =
                "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"why\"},\"finish_reason\":null}]}";
        List<ChatChunk> chunks = feed(reasoning, delta("<think>x</think>y"), FINISH, "[DONE]");
        assertThat(chunks.get(1).content()).isEqualTo("<think>x</think>y");
        assertThat(decoder.response(Duration.ZERO, 1).content()).isEqualTo("<think>x</think>y");
        assertThat(decoder.response(Duration.ZERO, 1).reasoning()).isEqualTo("why");
    }

    @Test
    void textHeldBackAtTheEnd_isDeliveredInOneLastChunk() {
        List<ChatChunk> chunks = feed(delta("  <thi"), FINISH, "[DONE]");
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(2).content()).isEqualTo("  <thi");
        assertThat(decoder.response(Duration.ZERO, 1).content()).isEqualTo("  <thi");
    }

    @Test
    void inputAfterTheEndIsIgnored() {
        feed(delta("a"), FINISH, "[DONE]", delta("late"));
        assertThat(decoder.poll()).isNull();
        decoder.endOfInput();
        assertThat(decoder.isDone()).isTrue();
    }
}
