package dev.dualpath.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.core.Sleeper;
import dev.dualpath.adapter.error.AuthenticationException;
import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both deliveries of a stream over a scripted transport: the same chunks and the same end; demand
 * honoured chunk by chunk and passed on to the body; retries only before the first chunk; cancel
 * and close reach the body. The async side runs on the calling thread, so "nothing happened" is a
 * fact when a call returns, not a guess after a wait.
 */
class StreamDeliveryTest {

    private static final Executor DIRECT = Runnable::run;
    private static final ChatRequest REQUEST =
            ChatRequest.of("m", List.of(ChatMessage.user("hi"))).withRequestId("req-1");

    static String delta(String content) {
        return "{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + content
                + "\"}}]}";
    }

    static final String FINISH =
            "{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},"
                    + "\"finish_reason\":\"stop\"}]}";
    static final String RATE_LIMITED =
            "{\"error\":{\"message\":\"slow down\",\"type\":\"too_many_requests_error\","
                    + "\"code\":\"request_quota_exceeded\"},\"status_code\":429}";

    /** The two deliveries, each giving the chunks and the outcome. */
    enum Delivery {
        SYNC {
            @Override
            Outcome run(CerebrasAdapter adapter) {
                List<String> chunks = new ArrayList<>();
                try (ChatStream stream = adapter.streamSync(REQUEST)) {
                    stream.forEachRemaining(c -> chunks.add(c.content()));
                    return new Outcome(chunks, stream.response(), null);
                } catch (ProviderException e) {
                    return new Outcome(chunks, null, e);
                }
            }
        },
        ASYNC {
            @Override
            Outcome run(CerebrasAdapter adapter) {
                Collector c = new Collector(Long.MAX_VALUE);
                ChatStreamPublisher publisher = adapter.stream(REQUEST, DIRECT);
                publisher.subscribe(c);
                return new Outcome(c.contents(), c.response(publisher), c.error);
            }
        };

        abstract Outcome run(CerebrasAdapter adapter);
    }

    record Outcome(List<String> contents, UnifiedChatResponse response, Throwable error) {}

    /** A subscriber that records everything and requests {@code initial} at subscription. */
    static final class Collector implements Flow.Subscriber<ChatChunk> {
        final List<ChatChunk> chunks = new ArrayList<>();
        final long initial;
        Flow.Subscription subscription;
        Throwable error;
        boolean completed;

        Collector(long initial) {
            this.initial = initial;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (initial > 0) {
                s.request(initial);
            }
        }

        @Override
        public void onNext(ChatChunk item) {
            chunks.add(item);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onComplete() {
            completed = true;
        }

        List<String> contents() {
            return chunks.stream().map(ChatChunk::content).toList();
        }

        UnifiedChatResponse response(ChatStreamPublisher p) {
            return completed ? p.response().join() : null;
        }
    }

    private static CerebrasAdapter adapter(ScriptedStreams transport, int maxRetries) {
        AdapterConfig config =
                AdapterConfig.of(URI.create("http://127.0.0.1:1"), new ApiKey("sk-delivery"))
                        .withRetries(
                                RetryPolicy.defaults()
                                        .withMaxRetries(maxRetries)
                                        .withJitter(() -> 1.0))
                        .withSleeper(INSTANT);
        return CerebrasAdapter.create(config, transport, transport, transport);
    }

    private static final Sleeper INSTANT =
            new Sleeper() {
                @Override
                public void sleep(Duration delay) {}

                @Override
                public CompletableFuture<Void> delay(Duration delay, Executor executor) {
                    return CompletableFuture.completedFuture(null);
                }
            };

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void chunksInOrder_thenTheAssembledResponse(Delivery delivery) {
        ScriptedStreams t =
                new ScriptedStreams(
                        ScriptedStreams.Answer.sse(delta("Hel"), delta("lo"), FINISH, "[DONE]"));
        try (CerebrasAdapter a = adapter(t, 0)) {
            Outcome o = delivery.run(a);
            assertThat(o.error()).isNull();
            assertThat(o.contents()).containsExactly("Hel", "lo", null);
            assertThat(o.response().content()).isEqualTo("Hello");
            assertThat(o.response().metadata().attempts()).isEqualTo(1);
        }
        String body = new String(t.requests.get(0).body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"stream\":true");
        assertThat(t.requests.get(0).headers()).containsEntry("Accept", "text/event-stream");
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void anErrorStatusIsRetried_thenTheStreamRuns(Delivery delivery) {
        ScriptedStreams t =
                new ScriptedStreams(
                        new ScriptedStreams.Answer(
                                429, "application/json", "{\"message\":\"busy\"}", -1),
                        ScriptedStreams.Answer.sse(delta("a"), FINISH, "[DONE]"));
        try (CerebrasAdapter a = adapter(t, 2)) {
            Outcome o = delivery.run(a);
            assertThat(o.contents()).containsExactly("a", null);
            assertThat(o.response().metadata().attempts()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void anErrorEventBeforeAnyChunk_isRetried_butNotAfterOne(Delivery delivery) {
        ScriptedStreams before =
                new ScriptedStreams(
                        ScriptedStreams.Answer.sse(RATE_LIMITED),
                        ScriptedStreams.Answer.sse(delta("a"), FINISH, "[DONE]"));
        try (CerebrasAdapter a = adapter(before, 2)) {
            assertThat(delivery.run(a).response().metadata().attempts()).isEqualTo(2);
        }
        ScriptedStreams after =
                new ScriptedStreams(ScriptedStreams.Answer.sse(delta("a"), RATE_LIMITED));
        try (CerebrasAdapter a = adapter(after, 2)) {
            Outcome o = delivery.run(a);
            assertThat(o.contents()).containsExactly("a");
            assertThat(o.error()).isInstanceOf(RateLimitException.class);
            assertThat(after.attempts.get()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void aConnectionFailureMidStream_comesAfterTheChunks_andIsNotRetried(Delivery delivery) {
        ScriptedStreams t =
                new ScriptedStreams(
                        ScriptedStreams.Answer.sse(delta("a"), delta("b"), FINISH, "[DONE]")
                                .failingAfter(2));
        try (CerebrasAdapter a = adapter(t, 2)) {
            Outcome o = delivery.run(a);
            assertThat(o.contents()).containsExactly("a", "b");
            assertThat(o.error()).isInstanceOf(ConnectionFailureException.class);
            assertThat(t.attempts.get()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void anErrorStatusIsMappedAsANonStreamingCallMapsIt(Delivery delivery) {
        ScriptedStreams t =
                new ScriptedStreams(
                        new ScriptedStreams.Answer(
                                401,
                                "application/json",
                                "{\"message\":\"Wrong API Key\",\"type\":\"invalid_request_error\","
                                        + "\"param\":\"api_key\",\"code\":\"wrong_api_key\"}",
                                -1));
        try (CerebrasAdapter a = adapter(t, 2)) {
            Outcome o = delivery.run(a);
            assertThat(o.error()).isInstanceOf(AuthenticationException.class);
            assertThat(((ProviderException) o.error()).details().code()).isEqualTo("wrong_api_key");
        }
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void aWholeJsonBodyOn200_isMalformedForAStream(Delivery delivery) {
        ScriptedStreams t =
                new ScriptedStreams(
                        new ScriptedStreams.Answer(
                                200, "application/json", "{\"id\":\"x\",\"choices\":[]}", -1));
        try (CerebrasAdapter a = adapter(t, 0)) {
            Throwable error = delivery.run(a).error();
            assertThat(error)
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("expected an event stream");
            // Like every other error, it names the provider's own id for the request, which is
            // what the provider's support asks for.
            assertThat(((ProviderException) error).providerRequestId())
                    .isEqualTo(ScriptedStreams.PROVIDER_REQUEST_ID);
        }
    }

    @Test
    void asyncDemandIsHonoured_chunkByChunk_andReachesTheBody() {
        ScriptedStreams t =
                new ScriptedStreams(
                        ScriptedStreams.Answer.sse(
                                delta("a"), delta("b"), delta("c"), FINISH, "[DONE]"));
        try (CerebrasAdapter a = adapter(t, 0)) {
            Collector c = new Collector(0);
            a.stream(REQUEST, DIRECT).subscribe(c);
            assertThat(c.chunks).isEmpty();
            assertThat(t.piecesAsked.get()).isZero(); // no demand: the body is not read
            c.subscription.request(1);
            assertThat(c.contents()).containsExactly("a");
            assertThat(t.piecesAsked.get()).isEqualTo(1);
            c.subscription.request(2);
            assertThat(c.contents()).containsExactly("a", "b", "c");
            assertThat(t.piecesAsked.get()).isEqualTo(3);
            c.subscription.request(5);
            assertThat(c.completed).isTrue();
        }
    }

    @Test
    void syncReadsTheBodyOnlyWhenAskedForTheNextChunk() {
        ScriptedStreams t =
                new ScriptedStreams(
                        ScriptedStreams.Answer.sse(delta("a"), delta("b"), FINISH, "[DONE]"));
        try (CerebrasAdapter a = adapter(t, 0);
                ChatStream stream = a.streamSync(REQUEST)) {
            assertThat(t.piecesAsked.get()).isZero();
            assertThat(stream.next().content()).isEqualTo("a");
            assertThat(t.piecesAsked.get()).isEqualTo(1);
            stream.close();
            assertThat(t.aborts.get()).isEqualTo(1);
            assertThat(stream.hasNext()).isFalse();
            assertThatThrownBy(stream::response).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void cancellingTheSubscriptionOrTheResponseFuture_abortsTheBody() {
        ScriptedStreams t =
                new ScriptedStreams(
                        ScriptedStreams.Answer.sse(delta("a"), delta("b"), FINISH, "[DONE]"));
        try (CerebrasAdapter a = adapter(t, 0)) {
            Collector c = new Collector(1);
            ChatStreamPublisher p = a.stream(REQUEST, DIRECT);
            p.subscribe(c);
            c.subscription.cancel();
            assertThat(t.aborts.get()).isEqualTo(1);
            assertThat(p.response()).isCompletedExceptionally();
            assertThatThrownBy(() -> p.response().get(1, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(CancelledException.class);
            assertThat(c.error).isNull(); // no signal after cancel

            Collector d = new Collector(1);
            ChatStreamPublisher q = a.stream(REQUEST, DIRECT);
            q.subscribe(d);
            q.response().cancel(true);
            assertThat(t.aborts.get()).isEqualTo(2);
        }
    }

    @Test
    void theReactiveRules_oneSubscriber_positiveDemand() {
        ScriptedStreams t =
                new ScriptedStreams(ScriptedStreams.Answer.sse(delta("a"), FINISH, "[DONE]"));
        try (CerebrasAdapter a = adapter(t, 0)) {
            ChatStreamPublisher p = a.stream(REQUEST, DIRECT);
            Collector first = new Collector(0);
            Collector second = new Collector(0);
            p.subscribe(first);
            p.subscribe(second);
            assertThat(second.error).isInstanceOf(IllegalStateException.class);
            first.subscription.request(0);
            assertThat(first.error).isInstanceOf(IllegalArgumentException.class);
            assertThat(t.aborts.get()).isEqualTo(1);
        }
    }
}
