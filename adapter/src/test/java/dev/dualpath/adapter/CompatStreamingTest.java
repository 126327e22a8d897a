package dev.dualpath.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dualpath.adapter.compat.DualpathClient;
import dev.dualpath.adapter.compat.SyncStrategy;
import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compat layer streams through every sync strategy, and as a publisher on the async client: the
 * same chunks, the same response, the same typed error after the chunks before it; closing a stream
 * early aborts its body.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CompatStreamingTest {

    private static final List<ChatMessage> HI = List.of(ChatMessage.user("hi"));

    private static DualpathClient client(ScriptedStreams transport, SyncStrategy strategy) {
        AdapterConfig config =
                AdapterConfig.of(URI.create("http://127.0.0.1:1"), new ApiKey("sk-compat"))
                        .withRetries(RetryPolicy.none());
        // A factory handing out the same scripted transport, so CLIENT_PER_CALL can open its
        // per-call client over it.
        return new DualpathClient(
                CerebrasAdapter.create(config, transport, () -> transport), strategy);
    }

    private static List<String> drain(ChatStream stream) {
        List<String> out = new ArrayList<>();
        while (stream.hasNext()) {
            out.add(stream.next().content());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(SyncStrategy.class)
    void createStreaming_deliversTheChunks_thenTheWholeResponse(SyncStrategy strategy) {
        ScriptedStreams transport =
                new ScriptedStreams(
                        ScriptedStreams.Answer.sse(
                                StreamDeliveryTest.delta("Hel"),
                                StreamDeliveryTest.delta("lo"),
                                StreamDeliveryTest.FINISH,
                                "[DONE]"));
        try (DualpathClient client = client(transport, strategy);
                ChatStream stream = client.chat().completions().createStreaming("m", HI)) {
            assertThat(drain(stream)).containsExactly("Hel", "lo", null);
            UnifiedChatResponse whole = stream.response();
            assertThat(whole.content()).isEqualTo("Hello");
            assertThat(whole.choices().get(0).finishReason()).isEqualTo("stop");
        }
        assertThat(transport.requests).hasSize(1);
        assertThat(transport.requests.get(0).headers().get("Accept"))
                .isEqualTo("text/event-stream");
    }

    @ParameterizedTest
    @EnumSource(SyncStrategy.class)
    void createStreaming_anErrorEventComesAfterTheChunks_typedAsItsStatus(SyncStrategy strategy) {
        ScriptedStreams transport =
                new ScriptedStreams(
                        ScriptedStreams.Answer.sse(
                                StreamDeliveryTest.delta("a"),
                                StreamDeliveryTest.delta("b"),
                                StreamDeliveryTest.RATE_LIMITED));
        List<String> seen = new ArrayList<>();
        try (DualpathClient client = client(transport, strategy);
                ChatStream stream = client.chat().completions().createStreaming("m", HI)) {
            assertThatThrownBy(
                            () -> {
                                while (stream.hasNext()) {
                                    seen.add(stream.next().content());
                                }
                            })
                    .isInstanceOf(RateLimitException.class);
        }
        assertThat(seen).containsExactly("a", "b");
    }

    @ParameterizedTest
    @EnumSource(SyncStrategy.class)
    void closingAStreamEarly_abortsItsBody(SyncStrategy strategy) {
        ScriptedStreams transport =
                new ScriptedStreams(
                        ScriptedStreams.Answer.sse(
                                StreamDeliveryTest.delta("a"),
                                StreamDeliveryTest.delta("b"),
                                StreamDeliveryTest.FINISH,
                                "[DONE]"));
        try (DualpathClient client = client(transport, strategy)) {
            try (ChatStream stream = client.chat().completions().createStreaming("m", HI)) {
                assertThat(stream.next().content()).isEqualTo("a");
            }
            // The sync-over-async strategies post the cancel to their loop: await it, bounded.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(transport.aborts.get()).isEqualTo(1));
        }
    }

    @Test
    void createStreamingAsync_isAPublisherOfTheSameChunks() {
        ScriptedStreams transport =
                new ScriptedStreams(
                        ScriptedStreams.Answer.sse(
                                StreamDeliveryTest.delta("Hel"),
                                StreamDeliveryTest.delta("lo"),
                                StreamDeliveryTest.FINISH,
                                "[DONE]"));
        try (DualpathClient client = client(transport, SyncStrategy.DIRECT)) {
            ChatStreamPublisher publisher =
                    client.chat().completions().createStreamingAsync(ChatRequest.of("m", HI));
            StreamDeliveryTest.Collector collector =
                    new StreamDeliveryTest.Collector(Long.MAX_VALUE);
            publisher.subscribe(collector);
            UnifiedChatResponse whole = publisher.response().orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(collector.chunks)
                    .extracting(ChatChunk::content)
                    .containsExactly("Hel", "lo", null);
            assertThat(whole.content()).isEqualTo("Hello");
        }
    }
}
