package dev.dualpath.adapter.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.error.RateLimitInfo;
import dev.dualpath.adapter.error.ServerErrorException;
import dev.dualpath.adapter.model.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Nothing is lost, whatever fails: for any mix of successes and failures, any limit, and any order
 * in which the calls in flight finish, both deliveries report exactly one result per request, in
 * input order, each with its own outcome, and never exceed the limit.
 */
class BatchPropertyTest {

    /** What the test makes of one call. */
    enum Script {
        OK,
        SERVER_ERROR,
        RATE_LIMITED,
        CONNECTION_FAILED;

        void play(ControlledCalls calls, String id) {
            switch (this) {
                case OK -> calls.succeed(id);
                case SERVER_ERROR -> calls.fail(id, new ServerErrorException(details(500, id)));
                case RATE_LIMITED ->
                        calls.fail(
                                id,
                                new RateLimitException(
                                        details(429, id), new RateLimitInfo(null, null)));
                case CONNECTION_FAILED ->
                        calls.fail(
                                id,
                                new ConnectionFailureException(
                                        ErrorDetails.noResponse("reset", id, true)));
            }
        }

        ItemStatus expected() {
            return this == OK ? ItemStatus.SUCCEEDED : ItemStatus.FAILED;
        }
    }

    @Property(tries = 150)
    void everyItemIsReportedInOrder_withItsOwnOutcome(
            @ForAll("scripts") @Size(max = 30) List<Script> scripts,
            @ForAll @IntRange(min = 1, max = 8) int limit,
            @ForAll Delivery delivery,
            @ForAll long seed)
            throws Exception {
        ControlledCalls calls = new ControlledCalls();
        List<ChatRequest> requests = ControlledCalls.requests("p", scripts.size());
        Delivery.Started batch =
                delivery.start(requests, BatchOptions.builder().limit(limit).build(), calls);

        // Finish the calls in flight in a random order, one at a time, until every call has run.
        Random random = new Random(seed);
        long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(ControlledCalls.BOUND_SECONDS);
        int finished = 0;
        while (finished < scripts.size()) {
            List<String> pending = new ArrayList<>(calls.pending());
            if (pending.isEmpty()) {
                assertThat(System.nanoTime() - bound)
                        .as("a call started within the bound")
                        .isNegative();
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
                continue;
            }
            String id = pending.get(random.nextInt(pending.size()));
            scripts.get(Integer.parseInt(id.substring(1))).play(calls, id);
            finished++;
        }
        BatchResult result = batch.await();

        assertThat(result.size()).isEqualTo(scripts.size());
        assertThat(result.end()).isEqualTo(BatchEnd.COMPLETED);
        for (int i = 0; i < scripts.size(); i++) {
            ItemResult item = result.items().get(i);
            assertThat(item.requestId()).isEqualTo("p" + i);
            assertThat(item.status()).isEqualTo(scripts.get(i).expected());
        }
        assertThat(calls.maxInFlight()).isLessThanOrEqualTo(limit);
    }

    @Provide
    Arbitrary<List<Script>> scripts() {
        return Arbitraries.of(Script.class).list();
    }

    private static ErrorDetails details(int status, String id) {
        return new ErrorDetails(status, null, null, null, "failed", id, true);
    }
}
