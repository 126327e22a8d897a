package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CallRingTest {

    /** The calls a ring started, in start order, each completed by the test. */
    private final List<CompletableFuture<Object>> started = new ArrayList<>();

    private CallRing ring(int calls) {
        return new CallRing(
                calls,
                () -> {
                    CompletableFuture<Object> call = new CompletableFuture<>();
                    started.add(call);
                    return call;
                });
    }

    @Test
    void startsItsCalls() {
        CallRing ring = ring(3);

        assertThat(started).hasSize(3);
        assertThat(ring.inFlight()).isEqualTo(3);
    }

    @Test
    void advance_takesTheFirstCallToComplete_notTheOldest_andReplacesIt() {
        CallRing ring = ring(3);
        started.get(2).complete("third");
        started.get(0).complete("first");

        assertThat(ring.advance()).isEqualTo("third");
        assertThat(started).hasSize(4);
        assertThat(ring.inFlight()).isEqualTo(3);
        assertThat(ring.advance()).isEqualTo("first");
        assertThat(started).hasSize(5);
    }

    @Test
    void advance_rethrowsAFailedCall_afterStartingItsReplacement() {
        CallRing ring = ring(2);
        started.get(1).completeExceptionally(new IllegalArgumentException("boom"));

        assertThatThrownBy(ring::advance)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("boom");
        assertThat(started).hasSize(3);
        assertThat(ring.inFlight()).isEqualTo(2);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void advance_waitsForACallCompletedOnAnotherThread() throws Exception {
        CallRing ring = ring(2);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> completion = other.submit(() -> started.get(1).complete("late"));

            assertThat(ring.advance()).isEqualTo("late");
            completion.get(5, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void drain_takesEveryCall_startsNone_andThrowsTheFirstFailureLast() {
        CallRing ring = ring(3);
        started.get(0).completeExceptionally(new IllegalStateException("first failure"));
        started.get(1).completeExceptionally(new IllegalArgumentException("second failure"));
        started.get(2).complete("fine");

        assertThatThrownBy(ring::drain).hasMessage("first failure");
        assertThat(ring.inFlight()).isZero();
        assertThat(started).hasSize(3);
    }

    @Test
    void drain_interrupted_keepsTheFlagAndSaysHowManyCallsWereLeft() {
        CallRing ring = ring(2);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(ring::drain)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("2 calls in flight");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void needsAtLeastOneCall() {
        assertThatThrownBy(() -> ring(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 0");
    }
}
