package dev.dualpath.adapter.batch;

import static dev.dualpath.adapter.batch.ControlledCalls.request;
import static dev.dualpath.adapter.batch.ControlledCalls.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dualpath.adapter.error.BadRequestException;
import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.error.RateLimitInfo;
import dev.dualpath.adapter.error.ServerErrorException;
import dev.dualpath.adapter.error.TimeoutPhase;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The batch contract, on both deliveries through one body each: results in input order, each item
 * its own outcome, at most {@code limit} calls in flight, a deadline and a cancellation that abort
 * what is in flight and report what completed, and nothing left running.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchTest {

    private static final Duration BOUND = Duration.ofSeconds(ControlledCalls.BOUND_SECONDS);

    private final ControlledCalls calls = new ControlledCalls();

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void resultsAreInInputOrder_andEachItemHasItsOwnOutcome(Delivery delivery) throws Exception {
        List<ChatRequest> requests = requests("r", 6);
        Delivery.Started batch =
                delivery.start(requests, BatchOptions.builder().limit(6).build(), calls);
        await().atMost(BOUND).until(() -> calls.inFlight() == 6);

        // Completed in reverse order, with a failure in the middle of the successes.
        calls.succeed("r5");
        calls.fail("r4", new ServerErrorException(details(500, "r4")));
        calls.succeed("r3");
        calls.fail("r2", new RateLimitException(details(429, "r2"), new RateLimitInfo(null, null)));
        calls.succeed("r1");
        calls.fail("r0", new BadRequestException(details(400, "r0")));
        BatchResult result = batch.await();

        assertThat(result.end()).isEqualTo(BatchEnd.COMPLETED);
        assertThat(result.items()).extracting(ItemResult::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(result.items())
                .extracting(ItemResult::requestId)
                .containsExactly("r0", "r1", "r2", "r3", "r4", "r5");
        assertItems(
                result,
                "FAILED SUCCEEDED FAILED SUCCEEDED FAILED SUCCEEDED",
                true,
                true,
                true,
                true,
                true,
                true);
        assertThat(result.items().get(0).failure()).containsInstanceOf(BadRequestException.class);
        assertThat(result.items().get(2).failure()).containsInstanceOf(RateLimitException.class);
        assertThat(result.items().get(4).failure()).containsInstanceOf(ServerErrorException.class);
        assertThat(result.items().get(3).responseOrThrow().content()).isEqualTo("r3");
        assertThat(result.counts())
                .containsEntry(ItemStatus.SUCCEEDED, 3)
                .containsEntry(ItemStatus.FAILED, 3)
                .containsEntry(ItemStatus.CANCELLED, 0);
        assertThatThrownBy(result::responsesOrThrow).isInstanceOf(BadRequestException.class);
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void atMostLimitCallsAreInFlight_andTheLimitIsReached(Delivery delivery) throws Exception {
        List<ChatRequest> requests = requests("c", 12);
        Delivery.Started batch =
                delivery.start(requests, BatchOptions.builder().limit(3).build(), calls);

        for (int i = 0; i < 12; i++) {
            int next = i;
            // Calls start in input order as places free up: c0..c2 first, then one per completion.
            await().atMost(BOUND).until(() -> calls.started().size() == Math.min(12, next + 3));
            assertThat(calls.inFlight()).isEqualTo(Math.min(3, 12 - next));
            calls.succeed("c" + i);
        }
        BatchResult result = batch.await();

        assertThat(calls.maxInFlight()).isEqualTo(3);
        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.size()).isEqualTo(12);
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void theDeadline_abortsCallsInFlight_andStartsNoMore(Delivery delivery) throws Exception {
        calls.succeed("d0"); // answers at once; d1 and d2 then hang until the deadline
        List<ChatRequest> requests = requests("d", 5);
        // Long enough for two lanes to start on a loaded machine; the test waits it out once.
        BatchOptions options =
                BatchOptions.builder().limit(2).deadline(Duration.ofSeconds(1)).build();

        BatchResult result = delivery.start(requests, options, calls).await();

        assertThat(result.end()).isEqualTo(BatchEnd.DEADLINE_EXCEEDED);
        assertItems(
                result,
                "SUCCEEDED DEADLINE_EXCEEDED DEADLINE_EXCEEDED DEADLINE_EXCEEDED DEADLINE_EXCEEDED",
                true,
                true,
                true,
                false,
                false);
        assertThat(calls.started()).containsExactlyInAnyOrder("d0", "d1", "d2");
        assertThat(calls.aborted()).containsExactlyInAnyOrder("d1", "d2");
        assertThat(calls.inFlight()).isZero();
        ProviderTimeoutException timeout =
                (ProviderTimeoutException) result.items().get(3).failure().orElseThrow();
        assertThat(timeout.phase()).isEqualTo(TimeoutPhase.TOTAL);
        assertThat(timeout.details())
                .isEqualTo(
                        ErrorDetails.noResponse(
                                "the batch deadline of 1000 ms passed before the call ended",
                                "d3",
                                false));
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void cancelling_abortsCallsInFlight_andReportsWhatCompleted(Delivery delivery)
            throws Exception {
        calls.succeed("x0");
        calls.fail("x1", new ServerErrorException(details(500, "x1")));
        List<ChatRequest> requests = requests("x", 6);
        Delivery.Started batch =
                delivery.start(requests, BatchOptions.builder().limit(2).build(), calls);
        await().atMost(BOUND).until(() -> calls.started().size() == 4 && calls.inFlight() == 2);

        BatchResult result = batch.cancelAndReport();

        assertThat(result.end()).isEqualTo(BatchEnd.CANCELLED);
        assertItems(
                result,
                "SUCCEEDED FAILED CANCELLED CANCELLED CANCELLED CANCELLED",
                true,
                true,
                true,
                true,
                false,
                false);
        assertThat(calls.aborted()).containsExactlyInAnyOrder("x2", "x3");
        assertThat(calls.started()).doesNotContain("x4", "x5");
        CancelledException cancelled =
                (CancelledException) result.items().get(4).failure().orElseThrow();
        assertThat(cancelled.requestId()).isEqualTo("x4");
        assertThat(cancelled.getMessage()).contains(CancelledException.MESSAGE);
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void anEmptyBatch_completesAtOnce(Delivery delivery) throws Exception {
        BatchResult result = delivery.start(List.of(), BatchOptions.defaults(), calls).await();

        assertThat(result.items()).isEmpty();
        assertThat(result.end()).isEqualTo(BatchEnd.COMPLETED);
        assertThat(result.allSucceeded()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void requestsWithoutAnId_getOneEach_andGivenIdsAreKept(Delivery delivery) throws Exception {
        ChatRequest anonymous = request("ignored").withRequestId(null);
        List<ChatRequest> requests = List.of(request("mine"), anonymous, anonymous);
        Delivery.Started batch = delivery.start(requests, BatchOptions.defaults(), calls);
        await().atMost(BOUND).until(() -> calls.started().size() == 3);
        calls.started().forEach(calls::succeed);

        BatchResult result = batch.await();

        assertThat(result.items().get(0).requestId()).isEqualTo("mine");
        assertThat(result.items().get(1).requestId())
                .isNotBlank()
                .isNotEqualTo(result.items().get(2).requestId());
        assertThat(calls.started())
                .containsExactlyInAnyOrderElementsOf(
                        result.items().stream().map(ItemResult::requestId).toList());
        assertThat(result.items().get(1).responseOrThrow().content())
                .isEqualTo(result.items().get(1).requestId());
    }

    @Test
    void aNullRequest_isRejectedNamingItsIndex_beforeAnyCall() {
        List<ChatRequest> requests = new ArrayList<>(requests("n", 2));
        requests.add(null);

        assertThatThrownBy(() -> Batch.run(requests, BatchOptions.defaults(), calls::blocking))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("requests[2]");
        assertThatThrownBy(() -> Batch.start(requests, BatchOptions.defaults(), calls::async))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("requests[2]");
        assertThat(calls.started()).isEmpty();
    }

    @Test
    void aCallThatBreaksItsContract_isReportedAsAFailure_notLost() throws Exception {
        List<ChatRequest> requests = requests("k", 3);
        // k0 answers, k1 throws something that is not a ProviderException, k2 returns nothing.
        Function<ChatRequest, UnifiedChatResponse> broken =
                r -> {
                    if (r.requestId().equals("k1")) {
                        throw new IllegalStateException("sk-secret in a message");
                    }
                    return r.requestId().equals("k2") ? null : ControlledCalls.response("ok");
                };

        BatchResult blocking = Batch.run(requests, BatchOptions.defaults(), broken);
        BatchResult async =
                Batch.start(
                                requests,
                                BatchOptions.defaults(),
                                r -> {
                                    UnifiedChatResponse response = broken.apply(r);
                                    return response == null
                                            ? null
                                            : CompletableFuture.completedFuture(response);
                                })
                        .get(ControlledCalls.BOUND_SECONDS, TimeUnit.SECONDS);

        for (BatchResult result : List.of(blocking, async)) {
            assertThat(result.items())
                    .extracting(ItemResult::status)
                    .containsExactly(ItemStatus.SUCCEEDED, ItemStatus.FAILED, ItemStatus.FAILED);
            ConnectionFailureException contractBroken =
                    (ConnectionFailureException) result.items().get(1).failure().orElseThrow();
            assertThat(contractBroken.getMessage())
                    .contains("java.lang.IllegalStateException")
                    .doesNotContain("sk-secret");
            assertThat(contractBroken.retryable()).isFalse();
            assertThat(result.items().get(2).failure())
                    .containsInstanceOf(ConnectionFailureException.class);
        }
    }

    @Test
    void blocking_noWorkerThreadOutlivesTheBatch_andThereAreNoMoreThanTheLimit() throws Exception {
        List<ChatRequest> requests = requests("t", 20);
        requests.forEach(r -> calls.succeed(r.requestId()));

        BatchResult result =
                Batch.run(requests, BatchOptions.builder().limit(4).build(), calls::blocking);

        assertThat(result.allSucceeded()).isTrue();
        assertThat(calls.callerThreads()).hasSizeBetween(1, 4).noneMatch(Thread::isAlive);
        assertThat(calls.callerThreads())
                .allMatch(t -> t.getName().startsWith("dualpath-batch-"))
                .doesNotContain(Thread.currentThread());
    }

    @Test
    void blocking_aCallerAlreadyInterrupted_startsNothing_andKeepsItsFlag() {
        Thread.currentThread().interrupt();
        BatchResult result;
        try {
            result = Batch.run(requests("i", 3), BatchOptions.defaults(), calls::blocking);
        } finally {
            assertThat(Thread.interrupted()).as("flag kept (and cleared here)").isTrue();
        }

        assertThat(result.end()).isEqualTo(BatchEnd.CANCELLED);
        assertThat(result.items()).noneMatch(ItemResult::started);
        assertThat(calls.started()).isEmpty();
    }

    @Test
    void async_callsThatCompleteAtOnce_doNotGrowTheStack() throws Exception {
        List<ChatRequest> requests = requests("s", 50_000);
        UnifiedChatResponse ok = ControlledCalls.response("ok");

        BatchResult result =
                Batch.start(
                                requests,
                                BatchOptions.builder().limit(4).build(),
                                r -> CompletableFuture.completedFuture(ok))
                        .get(ControlledCalls.BOUND_SECONDS, TimeUnit.SECONDS);

        assertThat(result.count(ItemStatus.SUCCEEDED)).isEqualTo(50_000);
    }

    @Test
    void async_completingTheFutureByHand_stopsTheBatch_butDependentsAreNotTheBatch()
            throws Exception {
        BatchFuture future =
                Batch.start(
                        requests("h", 3), BatchOptions.builder().limit(1).build(), calls::async);
        await().atMost(BOUND).until(() -> calls.inFlight() == 1);

        CompletableFuture<Integer> dependent = future.thenApply(BatchResult::size);
        assertThat(dependent).isNotInstanceOf(BatchFuture.class);
        dependent.cancel(true);
        assertThat(calls.aborted()).isEmpty();

        assertThat(future.orTimeout(1, TimeUnit.MILLISECONDS)).isSameAs(future);
        BatchResult report = future.report().get(ControlledCalls.BOUND_SECONDS, TimeUnit.SECONDS);

        assertThat(report.end()).isEqualTo(BatchEnd.CANCELLED);
        assertThat(calls.aborted()).containsExactly("h0");
        assertThat(future).isCompletedExceptionally();
    }

    @Test
    void async_aBatchThatEndedIsNotChangedByALateCancel() throws Exception {
        List<ChatRequest> requests = requests("l", 2);
        requests.forEach(r -> calls.succeed(r.requestId()));
        BatchFuture future = Batch.start(requests, BatchOptions.defaults(), calls::async);
        BatchResult result = future.get(ControlledCalls.BOUND_SECONDS, TimeUnit.SECONDS);

        assertThat(future.cancel(true)).isFalse();

        assertThat(future.report().get()).isSameAs(result);
        assertThat(result.end()).isEqualTo(BatchEnd.COMPLETED);
    }

    /**
     * Asserts each item's status (names separated by spaces, in input order) and whether the batch
     * started its call.
     */
    private static void assertItems(BatchResult result, String statuses, Boolean... started) {
        assertThat(result.items())
                .extracting(i -> i.status().name())
                .containsExactly(statuses.split(" "));
        assertThat(result.items()).extracting(ItemResult::started).containsExactly(started);
    }

    private static ErrorDetails details(int status, String requestId) {
        return new ErrorDetails(status, "t", "c", null, "failed " + status, requestId, false);
    }
}
