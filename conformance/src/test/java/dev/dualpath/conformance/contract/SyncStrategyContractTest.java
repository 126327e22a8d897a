package dev.dualpath.conformance.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.AdapterConfig;
import dev.dualpath.adapter.CerebrasAdapter;
import dev.dualpath.adapter.compat.Await;
import dev.dualpath.adapter.compat.SyncStrategy;
import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.error.AuthenticationException;
import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.ServerErrorException;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.testkit.Normaliser;
import dev.dualpath.testkit.Outcome;
import dev.dualpath.testkit.RecordingSleeper;
import dev.dualpath.testkit.ScriptedTransport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sync strategy, and {@code invoke()}, comes to exactly what {@code DIRECT} comes to,
 * compared through the one normaliser the conformance runner uses ({@link Normaliser}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SyncStrategyContractTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final RecordingSleeper sleeper = RecordingSleeper.instant();
    private CerebrasAdapter adapter;

    @BeforeEach
    void setUp() {
        AdapterConfig config =
                AdapterConfig.of(URI.create("http://127.0.0.1:1"), new ApiKey("sk-test-key"))
                        .withRetries(RetryPolicy.defaults().withJitter(() -> 1.0))
                        .withSleeper(sleeper);
        adapter = CerebrasAdapter.create(config, transport.views());
    }

    @AfterEach
    void tearDown() {
        adapter.close();
    }

    static Stream<Arguments> strategiesAndBehaviours() {
        return Stream.of(SyncStrategy.values())
                .flatMap(
                        s ->
                                Stream.of(
                                                "ok",
                                                "e500",
                                                "e401",
                                                "e429then",
                                                "bad",
                                                "timeout",
                                                "refused")
                                        .map(b -> Arguments.of(s, b)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("strategiesAndBehaviours")
    void everyStrategy_comesToWhatDirectComesTo(SyncStrategy strategy, String behaviour) {
        Outcome direct =
                outcome(() -> SyncStrategy.DIRECT.execute(adapter, request(behaviour + "-direct")));
        transport.forgetAttempts();
        Outcome other = outcome(() -> strategy.execute(adapter, request(behaviour + "-direct")));

        assertThat(other).isEqualTo(direct);
    }

    @ParameterizedTest(name = "invoke() on {0}")
    @MethodSource("behaviours")
    void invoke_completesWithWhatInvokeSyncReturnsOrThrows(String behaviour) {
        Outcome sync = outcome(() -> adapter.invokeSync(request(behaviour + "-x")));
        transport.forgetAttempts();
        Outcome async = outcome(() -> Await.result(adapter.invoke(request(behaviour + "-x")), "x"));

        assertThat(async).isEqualTo(sync);
    }

    static Stream<String> behaviours() {
        return Stream.of("ok", "e500", "e401", "e429then", "bad", "timeout", "refused");
    }

    @Test
    void invoke_failsWithTheProviderExceptionItself_notAWrapper() {
        var future = adapter.invoke(request("e500-wrap"));

        assertThat(future)
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(ServerErrorException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("kinds")
    void outcomes_haveTheExpectedKinds(String behaviour, Class<?> expected) {
        assertThat(errorName(outcome(() -> adapter.invokeSync(request(behaviour + "-k")))))
                .isEqualTo(expected.getSimpleName());
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("e500", ServerErrorException.class),
                Arguments.of("e401", AuthenticationException.class),
                Arguments.of("bad", MalformedResponseException.class),
                Arguments.of("timeout", ProviderTimeoutException.class),
                Arguments.of("refused", ConnectionFailureException.class));
    }

    @Test
    void success_carriesTheScriptedContent() {
        assertThat(outcome(() -> adapter.invokeSync(request("ok-k"))).response().content())
                .isEqualTo("Hello!");
    }

    @Test
    void retries_areTheSameOnBothPaths_andRecordTheServersDelay() {
        adapter.invokeSync(request("e429then-sync"));
        List<Duration> syncSleeps = sleeper.drain().requested();
        Await.result(adapter.invoke(request("e429then-async")), "e429then-async");

        assertThat(sleeper.drain().requested())
                .isEqualTo(syncSleeps)
                .containsExactly(Duration.ofMillis(20));
        assertThat(transport.attempts("e429then-sync")).isEqualTo(2);
        assertThat(transport.attempts("e429then-async")).isEqualTo(2);
    }

    @Test
    void server500_isRetriedTwiceByDefault_thenThrown_onBothPaths() {
        Outcome sync = outcome(() -> adapter.invokeSync(request("e500-r1")));
        Outcome async = outcome(() -> Await.result(adapter.invoke(request("e500-r2")), "e500-r2"));

        assertThat(transport.attempts("e500-r1")).isEqualTo(3);
        assertThat(transport.attempts("e500-r2")).isEqualTo(3);
        assertThat(errorName(sync))
                .isEqualTo(errorName(async))
                .isEqualTo(ServerErrorException.class.getSimpleName());
    }

    private Outcome outcome(Callable<UnifiedChatResponse> call) {
        return Normaliser.capture(call, sleeper);
    }

    private static String errorName(Outcome outcome) {
        return outcome.isError() ? outcome.error().className() : "success";
    }

    private static ChatRequest request(String id) {
        return ChatRequest.builder("llama3.1-8b")
                .message(ChatMessage.user("Hi"))
                .requestId(id)
                .build();
    }
}
