package dev.dualpath.conformance.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dualpath.adapter.AdapterConfig;
import dev.dualpath.adapter.CerebrasAdapter;
import dev.dualpath.adapter.ChatAdapter;
import dev.dualpath.adapter.compat.SyncStrategy;
import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.testkit.RecordingSleeper;
import dev.dualpath.testkit.ScriptedTransport;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interrupting the caller aborts the call on every strategy, and no strategy leaves a thread
 * behind, over many calls that succeed, fail, time out and are interrupted.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InterruptAndLeakTest {

    private static final int CALLS_PER_STRATEGY = 10_000;
    private static final String[] MIX = {
        "ok", "ok", "ok", "e500", "bad", "timeout", "refused", "e429then"
    };

    private final ScriptedTransport transport = new ScriptedTransport();
    private final ExecutorService interrupter = Executors.newSingleThreadExecutor();
    private CerebrasAdapter adapter;

    @BeforeEach
    void setUp() {
        AdapterConfig config =
                AdapterConfig.of(URI.create("http://127.0.0.1:1"), new ApiKey("sk-test-key"))
                        .withRetries(RetryPolicy.none())
                        .withSleeper(RecordingSleeper.instant());
        adapter = CerebrasAdapter.create(config, transport.views());
    }

    @AfterEach
    void tearDown() {
        adapter.close();
        interrupter.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(SyncStrategy.class)
    void interruptingTheCaller_abortsTheCall_restoresTheFlag_andThrowsCancelled(
            SyncStrategy strategy) throws Exception {
        String id = "hang-" + strategy;

        Throwable thrown = callAndInterrupt(strategy, adapter, id);

        assertThat(thrown).isInstanceOf(CancelledException.class);
        assertThat(((ProviderException) thrown).requestId()).isEqualTo(id);
        boolean viaBlocking =
                strategy == SyncStrategy.DIRECT || strategy == SyncStrategy.SEED_LITERAL;
        if (viaBlocking) {
            assertThat(transport.blockingAborts()).isEqualTo(1);
        } else {
            await().atMost(Duration.ofSeconds(20)).until(() -> transport.asyncCancelled(id));
        }
    }

    @Test
    void cancellingTheFutureOfInvoke_cancelsTheExchangeInFlight() throws Exception {
        CompletableFuture<UnifiedChatResponse> future = adapter.invoke(request("hang-cancel"));
        assertThat(transport.awaitEntered("hang-cancel", 5_000)).isTrue();

        future.cancel(true);

        await().atMost(Duration.ofSeconds(20)).until(() -> transport.asyncCancelled("hang-cancel"));
    }

    @Test
    void anAdapterWithoutASyncPath_fallsBackToLoopPerCall_forDirect() {
        ChatAdapter asyncOnly = new AsyncOnly(adapter);

        UnifiedChatResponse response =
                SyncStrategy.DIRECT.execute(asyncOnly, request("ok-fallback"));

        assertThat(response.content()).isEqualTo("Hello!");
        assertThat(((AsyncOnly) asyncOnly).lastExecutorWasALoop).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SyncStrategy.class)
    void tenThousandCalls_leaveNoThreadBehind(SyncStrategy strategy) throws Exception {
        // Warm up every kind of call first, so lazily started shared threads (the adapter's pool,
        // the JDK's delay scheduler, this test's interrupter) are part of the baseline.
        for (String b : MIX) {
            runQuietly(strategy, b + "-warm");
        }
        callAndInterrupt(strategy, adapter, "hang-" + strategy + "-warm");
        java.util.Set<String> before = liveThreadNames();
        int baseline = liveThreads();

        for (int i = 0; i < CALLS_PER_STRATEGY; i++) {
            if (i % 100 == 0) {
                assertThat(callAndInterrupt(strategy, adapter, "hang-" + strategy + "-" + i))
                        .isInstanceOf(CancelledException.class);
            } else {
                runQuietly(strategy, MIX[i % MIX.length] + "-" + i);
            }
        }

        await().pollInSameThread()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(liveThreads())
                                        .as("live threads; new ones: %s", newThreads(before))
                                        .isLessThanOrEqualTo(baseline));
        assertThat(transport.pendingAsync()).isZero();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("dualpath-loop"));
    }

    private void runQuietly(SyncStrategy strategy, String id) {
        try {
            strategy.execute(adapter, request(id));
        } catch (ProviderException expected) {
            // failures are part of the mix; only leaks matter here
        }
        transport.forgetAttempts();
    }

    /**
     * Calls {@code strategy} on this thread and interrupts it once the call is blocked in the
     * transport.
     */
    private Throwable callAndInterrupt(SyncStrategy strategy, ChatAdapter target, String id)
            throws Exception {
        Thread caller = Thread.currentThread();
        var signal =
                CompletableFuture.runAsync(
                        () -> {
                            try {
                                if (transport.awaitEntered(id, 10_000)) {
                                    caller.interrupt();
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        interrupter);
        Throwable thrown = null;
        try {
            strategy.execute(target, request(id));
        } catch (Throwable t) {
            thrown = t;
        }
        boolean flagWasSet = Thread.interrupted(); // read and clear, so the next call starts clean
        signal.get(10, TimeUnit.SECONDS);
        assertThat(flagWasSet).as("interrupt flag restored").isTrue();
        assertThat(thrown).as("the interrupted call must throw").isNotNull();
        return thrown;
    }

    private static java.util.Set<String> liveThreadNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(th -> names.add(th.getName()));
        return names;
    }

    private static java.util.Set<String> newThreads(java.util.Set<String> before) {
        java.util.Set<String> now = liveThreadNames();
        now.removeAll(before);
        return now;
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static ChatRequest request(String id) {
        return ChatRequest.builder("llama3.1-8b")
                .message(ChatMessage.user("Hi"))
                .requestId(id)
                .build();
    }

    /**
     * An adapter with only the async path, as an adapter without {@code invoke_sync} was in the
     * original.
     */
    private static final class AsyncOnly implements ChatAdapter {
        private final ChatAdapter delegate;
        volatile boolean lastExecutorWasALoop;

        AsyncOnly(ChatAdapter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableFuture<UnifiedChatResponse> invoke(ChatRequest request) {
            return delegate.invoke(request);
        }

        @Override
        public CompletableFuture<UnifiedChatResponse> invoke(
                ChatRequest request, Executor continuations) {
            lastExecutorWasALoop = Thread.currentThread().getName().equals("dualpath-loop");
            return delegate.invoke(request, continuations);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
