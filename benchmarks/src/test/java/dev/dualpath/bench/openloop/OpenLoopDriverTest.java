package dev.dualpath.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The schedule and the correction, replayed on a fake clock with synthetic latencies. The executor
 * runs each call on the dispatching thread: a pool of one caller, so a slow call holds back the
 * calls after it, as a saturated pool or a stalled machine would.
 */
class OpenLoopDriverTest {

    private static final long MS = 1_000_000L;
    private static final Duration LATE_LIMIT = Duration.ofSeconds(10);

    private final FakeTicker ticker = new FakeTicker();
    private final LatencyRecorder recorder = new LatencyRecorder();

    /**
     * A call that takes {@code serviceMs}, except call {@code stallAt} (counted from 0), which
     * takes {@code stallMs}.
     */
    private OpenLoopDriver.Call stallingCall(long serviceMs, int stallAt, long stallMs) {
        int[] n = {0};
        return () -> ticker.advanceMillis(n[0]++ == stallAt ? stallMs : serviceMs);
    }

    private OpenLoopDriver.Counts run(ArrivalSchedule schedule, OpenLoopDriver.Call call)
            throws InterruptedException {
        return new OpenLoopDriver(schedule, ticker, LATE_LIMIT)
                .run(Runnable::run, call, recorder, Duration.ofSeconds(1));
    }

    @Test
    void withoutStallsRawAndCorrectedAreTheSame() throws InterruptedException {
        OpenLoopDriver.Counts counts =
                run(
                        new ArrivalSchedule(100, Duration.ZERO, Duration.ofSeconds(1)),
                        stallingCall(1, -1, 0));
        LatencyRecorder.Snapshot snap = recorder.snapshot();
        assertThat(counts.scheduled()).isEqualTo(100);
        assertThat(snap.raw().getTotalCount()).isEqualTo(100);
        assertThat(snap.raw().getCountAtValue(MS)).isEqualTo(100);
        assertThat(snap.corrected().getCountAtValue(MS)).isEqualTo(100);
        assertThat(counts.peakInFlight()).isEqualTo(1);
    }

    /**
     * Rate 100/s (10 ms apart), 1 ms calls, call 10 stalls 100 ms. Call 10+j (j = 1..10) was due at
     * 100 + 10j ms but starts at 199 + j: corrected 100 − 9j ms (91, 82, ..., 10), raw 1 ms. From
     * call 21 on the schedule is met again.
     */
    @Test
    void aStallOfXmsAtRateRAddsTheCallsThatQueuedBehindIt() throws InterruptedException {
        run(
                new ArrivalSchedule(100, Duration.ZERO, Duration.ofSeconds(1)),
                stallingCall(1, 10, 100));
        LatencyRecorder.Snapshot snap = recorder.snapshot();

        assertThat(snap.raw().getTotalCount()).isEqualTo(100);
        assertThat(snap.raw().getCountAtValue(MS)).isEqualTo(99);
        assertThat(snap.raw().getCountAtValue(100 * MS)).isEqualTo(1);

        assertThat(snap.corrected().getTotalCount()).isEqualTo(100);
        assertThat(snap.corrected().getCountAtValue(100 * MS)).isEqualTo(1);
        for (int j = 1; j <= 10; j++) {
            assertThat(snap.corrected().getCountAtValue((100 - 9 * j) * MS))
                    .as("call 10+%d", j)
                    .isEqualTo(1);
        }
        assertThat(snap.corrected().getCountAtValue(MS)).isEqualTo(100 - 1 - 10);
    }

    /**
     * With instant calls, the samples the schedule adds behind a stall are exactly those
     * HdrHistogram's own correction ({@code recordValueWithExpectedInterval}) synthesises for a
     * closed loop.
     */
    @Test
    void theCorrectionMatchesHdrHistogramsExpectedIntervalCorrection() throws InterruptedException {
        run(
                new ArrivalSchedule(100, Duration.ZERO, Duration.ofSeconds(1)),
                stallingCall(0, 30, 100));

        Histogram expected = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        expected.recordValueWithExpectedInterval(100 * MS, 10 * MS); // 100, 90, ..., 10 ms
        expected.recordValueWithCount(0, 100 - expected.getTotalCount());
        assertThat(values(recorder.snapshot().corrected())).isEqualTo(values(expected));
    }

    @Test
    void warmupCallsAreMadeButNotRecorded() throws InterruptedException {
        run(
                new ArrivalSchedule(100, Duration.ofMillis(500), Duration.ofMillis(200)),
                stallingCall(1, -1, 0));
        assertThat(recorder.snapshot().raw().getTotalCount()).isEqualTo(20);
    }

    @Test
    void failuresAreCountedByKindAndNeverRecordedAsLatencies() throws InterruptedException {
        int[] n = {0};
        OpenLoopDriver.Call call =
                () -> {
                    int i = n[0]++;
                    ticker.advanceMillis(1);
                    if (i == 3 || i == 12 || i == 15) {
                        throw new IOException("connection reset " + i);
                    }
                };
        run(new ArrivalSchedule(100, Duration.ofMillis(100), Duration.ofMillis(100)), call);
        LatencyRecorder.Snapshot snap = recorder.snapshot();
        assertThat(snap.warmupErrors()).isEqualTo(1);
        assertThat(snap.errors()).isEqualTo(2);
        assertThat(snap.raw().getTotalCount()).isEqualTo(8);
        assertThat(snap.errorKinds()).isEqualTo(Map.of("IOException", 3L));
    }

    /**
     * 50 ms late limit, call 0 stalls 200 ms: calls 1..14 are due before 150 ms and are not made.
     */
    @Test
    void callsThatCannotStartWithinTheLateLimitAreCountedAsNotStarted()
            throws InterruptedException {
        OpenLoopDriver.Counts counts =
                new OpenLoopDriver(
                                new ArrivalSchedule(100, Duration.ZERO, Duration.ofSeconds(1)),
                                ticker,
                                Duration.ofMillis(50))
                        .run(
                                Runnable::run,
                                stallingCall(1, 0, 200),
                                recorder,
                                Duration.ofSeconds(1));
        LatencyRecorder.Snapshot snap = recorder.snapshot();
        assertThat(snap.notStarted()).isEqualTo(14);
        assertThat(snap.raw().getTotalCount()).isEqualTo(100 - 14);
        assertThat(snap.errorKinds()).isEqualTo(Map.of(LatencyRecorder.NOT_STARTED, 14L));
        assertThat(counts.unfinished()).isZero();
    }

    @Test
    void rejectedCallsAreCountedAsErrors() throws InterruptedException {
        OpenLoopDriver.Counts counts =
                new OpenLoopDriver(
                                new ArrivalSchedule(100, Duration.ZERO, Duration.ofMillis(100)),
                                ticker,
                                LATE_LIMIT)
                        .run(
                                r -> {
                                    throw new RejectedExecutionException("pool shut down");
                                },
                                () -> {},
                                recorder,
                                Duration.ofSeconds(1));
        assertThat(recorder.snapshot().errors()).isEqualTo(10);
        assertThat(recorder.snapshot().errorKinds())
                .containsEntry("RejectedExecutionException", 10L);
        assertThat(counts.unfinished()).isZero();
    }

    /**
     * A call that never returns must not hang the run: the driver gives up after its bound and says
     * how many.
     */
    @Test
    @Timeout(30)
    void aHungCallEndsTheRunAfterTheCompletionBoundWithUnfinishedCounted()
            throws InterruptedException {
        ExecutorService oneCaller = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            OpenLoopDriver.Counts counts =
                    new OpenLoopDriver(
                                    new ArrivalSchedule(100, Duration.ZERO, Duration.ofMillis(50)),
                                    Ticker.SYSTEM,
                                    LATE_LIMIT)
                            .run(
                                    oneCaller,
                                    () -> release.await(20, TimeUnit.SECONDS),
                                    recorder,
                                    Duration.ofMillis(200));
            assertThat(counts.unfinished()).isEqualTo(5);
        } finally {
            release.countDown();
            oneCaller.shutdownNow();
            assertThat(oneCaller.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void timesOutOfOrderAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recorder.recordSuccess(10, 5, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of order");
    }

    @Test
    void anUnexpectedStatusIsCountedByStatus() {
        assertThat(ErrorKind.of(new ErrorKind.UnexpectedResponse(503))).isEqualTo("HTTP 503");
        assertThat(ErrorKind.of(new IllegalStateException("x"))).isEqualTo("IllegalStateException");
    }

    private static List<List<Long>> values(Histogram h) {
        List<List<Long>> out = new ArrayList<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            out.add(List.of(v.getValueIteratedTo(), v.getCountAtValueIteratedTo()));
        }
        return out;
    }
}
