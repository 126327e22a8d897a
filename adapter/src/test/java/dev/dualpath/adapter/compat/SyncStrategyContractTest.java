package dev.dualpath.adapter.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.AdapterConfig;
import dev.dualpath.adapter.ApiKey;
import dev.dualpath.adapter.CerebrasAdapter;
import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.error.AuthenticationException;
import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.ServerErrorException;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.testing.Outcome;
import dev.dualpath.adapter.testing.RecordingSleeper;
import dev.dualpath.adapter.testing.ScriptedTransport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sync strategy, and {@code invoke()}, comes to exactly what {@code DIRECT} comes to. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SyncStrategyContractTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private CerebrasAdapter adapter;

    @BeforeEach
    void setUp() {
        AdapterConfig config =
                AdapterConfig.of(URI.create("http://127.0.0.1:1"), new ApiKey("sk-test-key"))
                        .withRetries(RetryPolicy.defaults().withJitter(() -> 1.0))
                        .withSleeper(sleeper);
        adapter = CerebrasAdapter.create(config, transport);
    }

    @AfterEach
    void tearDown() {
        adapter.close();
    }

    static Stream<Arguments> strategiesAndBehaviours() {
        return Stream.of(SyncStrategy.values())
                .flatMap(
                        s ->
                                Stream.of("ok", "e500", "e429then", "bad", "timeout", "refused")
                                        .map(b -> Arguments.of(s, b)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("strategiesAndBehaviours")
    void everyStrategy_comesToWhatDirectComesTo(SyncStrategy strategy, String behaviour) {
        Outcome direct =
                Outcome.of(
                        () -> SyncStrategy.DIRECT.execute(adapter, request(behaviour + "-direct")));
        transport.forgetAttempts();
        Outcome other = Outcome.of(() -> strategy.execute(adapter, request(behaviour + "-direct")));

        assertThat(other).isEqualTo(direct);
    }

    @ParameterizedTest(name = "invoke() on {0}")
    @MethodSource("behaviours")
    void invoke_completesWithWhatInvokeSyncReturnsOrThrows(String behaviour) {
        Outcome sync = Outcome.of(() -> adapter.invokeSync(request(behaviour + "-x")));
        transport.forgetAttempts();
        Outcome async =
                Outcome.of(() -> Await.result(adapter.invoke(request(behaviour + "-x")), "x"));

        assertThat(async).isEqualTo(sync);
    }

    static Stream<String> behaviours() {
        return Stream.of("ok", "e500", "e429then", "bad", "timeout", "refused");
    }

    @Test
    void invoke_failsWithTheProviderExceptionItself_notAWrapper() {
        var future = adapter.invoke(request("e500-wrap"));

        assertThat(future)
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOf(ServerErrorException.class);
    }

    @Test
    void outcomes_haveTheExpectedKinds() {
        assertThat(Outcome.of(() -> adapter.invokeSync(request("e500-k"))).errorClass())
                .isEqualTo(ServerErrorException.class);
        assertThat(Outcome.of(() -> adapter.invokeSync(request("bad-k"))).errorClass())
                .isEqualTo(MalformedResponseException.class);
        assertThat(Outcome.of(() -> adapter.invokeSync(request("timeout-k"))).errorClass())
                .isEqualTo(ProviderTimeoutException.class);
        assertThat(Outcome.of(() -> adapter.invokeSync(request("refused-k"))).errorClass())
                .isEqualTo(ConnectionFailureException.class);
        assertThat(Outcome.of(() -> adapter.invokeSync(request("ok-k"))).response().content())
                .isEqualTo("Hello!");
        assertThat(AuthenticationException.class).isNotNull();
    }

    @Test
    void retries_areTheSameOnBothPaths_andRecordTheServersDelay() {
        adapter.invokeSync(request("e429then-sync"));
        List<Duration> syncSleeps = sleeper.sleeps();
        sleeper.clear();
        Await.result(adapter.invoke(request("e429then-async")), "e429then-async");

        assertThat(sleeper.sleeps()).isEqualTo(syncSleeps).containsExactly(Duration.ofMillis(20));
        assertThat(transport.attempts("e429then-sync")).isEqualTo(2);
        assertThat(transport.attempts("e429then-async")).isEqualTo(2);
    }

    @Test
    void server500_isRetriedTwiceByDefault_thenThrown_onBothPaths() {
        Outcome sync = Outcome.of(() -> adapter.invokeSync(request("e500-r1")));
        Outcome async =
                Outcome.of(() -> Await.result(adapter.invoke(request("e500-r2")), "e500-r2"));

        assertThat(transport.attempts("e500-r1")).isEqualTo(3);
        assertThat(transport.attempts("e500-r2")).isEqualTo(3);
        assertThat(sync.errorClass())
                .isEqualTo(async.errorClass())
                .isEqualTo(ServerErrorException.class);
    }

    private static ChatRequest request(String id) {
        return ChatRequest.builder("llama3.1-8b")
                .message(ChatMessage.user("Hi"))
                .requestId(id)
                .build();
    }
}
