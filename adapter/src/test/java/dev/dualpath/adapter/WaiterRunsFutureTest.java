package dev.dualpath.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Who runs {@code invoke()}'s continuations when the caller blocks on its future: the blocked
 * thread, so that a sync wrapper over the async path wakes once per call; and what happens to a
 * continuation when the waiter stops waiting (interrupt, timeout): it still runs, once, on the
 * executor. The transport's future is completed from a thread of the test's own, after the caller
 * is seen parked, so each test decides which side of the race it is on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WaiterRunsFutureTest {

    private static final ChatRequest REQUEST = ChatRequest.of("m", List.of(ChatMessage.user("hi")));
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final ExecutorService pool =
            Executors.newSingleThreadExecutor(
                    ContinuationExecutor.daemonThreads("waiter-test-pool-"));

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void join_runsTheContinuationOnTheWaitingThread() {
        CompletableFuture<WireResponse> exchange = new CompletableFuture<>();
        try (CerebrasAdapter adapter = adapterOver(exchange)) {
            CompletableFuture<UnifiedChatResponse> result = adapter.invoke(REQUEST);
            CompletableFuture<String> stageThread = result.handle((r, e) -> threadName());
            Thread caller = Thread.currentThread();
            completeWhenParked(caller, () -> exchange.completeExceptionally(new IOException("x")));

            assertThatThrownBy(result::join).hasCauseInstanceOf(ProviderException.class);
            // The stage ran before join() returned: on the thread that completed the future.
            assertThat(stageThread.getNow("not run")).isEqualTo(caller.getName());
        }
    }

    @Test
    void get_interrupted_throwsAndTheContinuationStillRunsOnTheExecutor() throws Exception {
        CompletableFuture<WireResponse> exchange = new CompletableFuture<>();
        try (CerebrasAdapter adapter = adapterOver(exchange)) {
            CompletableFuture<UnifiedChatResponse> result = adapter.invoke(REQUEST, pool);
            CompletableFuture<String> stageThread = result.handle((r, e) -> threadName());
            Thread caller = Thread.currentThread();
            completeWhenParked(caller, caller::interrupt);

            assertThatThrownBy(result::get).isInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).isFalse(); // get() consumed it, as CompletableFuture's
            exchange.completeExceptionally(new IOException("late"));

            assertThat(stageThread.get(30, TimeUnit.SECONDS)).startsWith("waiter-test-pool-");
            assertFailsWithTheTypedError(result);
        }
    }

    @Test
    void getWithTimeout_expires_andALaterOutcomeStillCompletesTheFuture() {
        CompletableFuture<WireResponse> exchange = new CompletableFuture<>();
        try (CerebrasAdapter adapter = adapterOver(exchange)) {
            CompletableFuture<UnifiedChatResponse> result = adapter.invoke(REQUEST, pool);

            assertThatThrownBy(() -> result.get(1, TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
            exchange.completeExceptionally(new IOException("late"));

            assertFailsWithTheTypedError(result);
        }
    }

    @Test
    void join_interrupted_keepsWaitingAndRestoresTheFlag() {
        CompletableFuture<WireResponse> exchange = new CompletableFuture<>();
        try (CerebrasAdapter adapter = adapterOver(exchange)) {
            CompletableFuture<UnifiedChatResponse> result = adapter.invoke(REQUEST, pool);
            Thread caller = Thread.currentThread();
            completeWhenParked(
                    caller,
                    () -> {
                        caller.interrupt();
                        exchange.completeExceptionally(new IOException("x"));
                    });

            assertThatThrownBy(result::join).hasCauseInstanceOf(ProviderException.class);
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    /**
     * The race itself, without an adapter: tasks handed over from another thread before, while and
     * after the caller starts waiting, the last completing the future. Every task must run exactly
     * once, whichever thread runs it, and the waiter must return.
     */
    @Test
    void everyContinuationRunsExactlyOnce_whateverTheInterleaving() throws Exception {
        ExecutorService submitter =
                Executors.newSingleThreadExecutor(ContinuationExecutor.daemonThreads("submit-"));
        try {
            for (int round = 0; round < 5_000; round++) {
                int tasks = 1 + ThreadLocalRandom.current().nextInt(4);
                WaiterRunsFuture<Integer> future = new WaiterRunsFuture<>(pool);
                AtomicReferenceArray<Integer> runs = new AtomicReferenceArray<>(tasks);
                AtomicInteger done = new AtomicInteger();
                var unused =
                        submitter.submit(
                                () -> {
                                    for (int t = 0; t < tasks; t++) {
                                        int index = t;
                                        future.continuations()
                                                .execute(
                                                        () -> {
                                                            runs.accumulateAndGet(
                                                                    index,
                                                                    1,
                                                                    (a, b) ->
                                                                            a == null ? b : a + b);
                                                            if (done.incrementAndGet() == tasks) {
                                                                future.complete(tasks);
                                                            }
                                                        });
                                    }
                                });
                boolean timed = (round & 1) == 0;
                Integer value = timed ? future.get(30, TimeUnit.SECONDS) : future.join();
                assertThat(value).isEqualTo(tasks);
                for (int t = 0; t < tasks; t++) {
                    assertThat(runs.get(t)).as("round %d task %d", round, t).isEqualTo(1);
                }
            }
        } finally {
            submitter.shutdownNow();
            assertThat(submitter.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * A continuation handed over while the waiter runs the one that completes the future is left in
     * the waiter's queue when it stops; it must run on the executor, once, not be dropped.
     */
    @Test
    void aContinuationLeftWhenTheWaiterStops_runsOnTheExecutor() throws Exception {
        WaiterRunsFuture<String> future = new WaiterRunsFuture<>(pool);
        CompletableFuture<String> leftOver = new CompletableFuture<>();
        AtomicInteger leftOverRuns = new AtomicInteger();
        Thread caller = Thread.currentThread();
        completeWhenParked(
                caller,
                () ->
                        future.continuations()
                                .execute(
                                        () -> {
                                            future.continuations()
                                                    .execute(
                                                            () -> {
                                                                leftOverRuns.incrementAndGet();
                                                                leftOver.complete(threadName());
                                                            });
                                            future.complete("first");
                                        }));

        assertThat(future.join()).isEqualTo("first");
        assertThat(leftOver.get(30, TimeUnit.SECONDS)).startsWith("waiter-test-pool-");
        assertThat(leftOverRuns).hasValue(1);
    }

    /**
     * Runs {@code action} on a new thread once {@code caller} is parked (waiting in the future's
     * getter), bounded by {@link #BOUND}.
     */
    private static void completeWhenParked(Thread caller, Runnable action) {
        Thread helper =
                new Thread(
                        () -> {
                            await().atMost(BOUND)
                                    .pollInterval(Duration.ofMillis(1))
                                    .until(
                                            () ->
                                                    caller.getState() == Thread.State.WAITING
                                                            || caller.getState()
                                                                    == Thread.State.TIMED_WAITING);
                            action.run();
                        },
                        "test-transport-io");
        helper.setDaemon(true);
        helper.start();
    }

    private CerebrasAdapter adapterOver(CompletableFuture<WireResponse> exchange) {
        AdapterConfig config =
                AdapterConfig.of(URI.create("http://127.0.0.1:1"), new ApiKey("sk-test"))
                        .withRetries(RetryPolicy.none());
        return CerebrasAdapter.create(
                config,
                request -> {
                    throw new AssertionError("the async path must not block");
                },
                request -> exchange,
                null);
    }

    /** The call's future fails, within the bound, with the adapter's typed error. */
    private static void assertFailsWithTheTypedError(
            CompletableFuture<UnifiedChatResponse> result) {
        assertThat(result)
                .failsWithin(BOUND)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(ProviderException.class);
    }

    private static String threadName() {
        return Thread.currentThread().getName();
    }
}
