package dev.dualpath.bench.openloop;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues calls on a fixed schedule, open loop: the dispatching thread hands call {@code i} to the
 * callers at its intended start whether or not earlier calls have returned, so a slow call cannot
 * hold back the ones after it (closed-loop load generators do that, and so hide the wait; this is
 * "coordinated omission").
 *
 * <p>Each measured call gets two latencies: <b>raw</b>, from when a caller thread actually started
 * it, and <b>corrected</b>, from its intended start. They differ by the time the call waited for a
 * caller. No synthetic samples are added (as {@code recordValueWithExpectedInterval} would for a
 * closed loop): the intended start of every call is known, so the correction is exact.
 *
 * <p>Bounded: the schedule has a fixed count; a call that cannot start within the late limit of its
 * intended time is not made (counted); completion is awaited for at most a given bound.
 */
public final class OpenLoopDriver {

    /** One call of the thing measured; throws on failure. */
    @FunctionalInterface
    public interface Call {
        /**
         * One call of the open-loop run.
         *
         * @throws Exception on any failure, which is counted, not recorded as a latency
         */
        void call() throws Exception;
    }

    /**
     * How many calls a run scheduled and how many it could not finish.
     *
     * @param scheduled measured calls scheduled
     * @param unfinished calls (any phase) still queued or running when the completion bound expired
     * @param peakInFlight most calls running at once; equal to the pool size means the callers were
     *     the bottleneck
     */
    public record Counts(long scheduled, long unfinished, int peakInFlight) {}

    private final ArrivalSchedule schedule;
    private final Ticker ticker;
    private final long lateLimitNanos;

    /**
     * @param schedule when each call is intended to start
     * @param ticker the clock
     * @param lateLimit how late after its intended start a call may still begin
     */
    public OpenLoopDriver(ArrivalSchedule schedule, Ticker ticker, Duration lateLimit) {
        this.schedule = schedule;
        this.ticker = ticker;
        this.lateLimitNanos = lateLimit.toNanos();
    }

    /**
     * Runs the whole schedule on the calling thread, handing each call to {@code callers}, and
     * waits for them to finish.
     *
     * @param callers runs the calls; its size bounds the concurrency (the caller owns and shuts it
     *     down)
     * @param call what each call does
     * @param recorder where latencies and failures go
     * @param completionBound how long to wait, after the last dispatch, for calls still running
     * @throws InterruptedException if interrupted while dispatching or waiting
     */
    public Counts run(
            Executor callers, Call call, LatencyRecorder recorder, Duration completionBound)
            throws InterruptedException {
        long total = schedule.totalCalls();
        AtomicLong remaining = new AtomicLong(total);
        CountDownLatch allDone = new CountDownLatch(total == 0 ? 0 : 1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        long start = ticker.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + schedule.offsetNanos(i);
            boolean warmup = schedule.warmupCall(i);
            ticker.sleepUntil(intended);
            Runnable finish =
                    () -> {
                        if (remaining.decrementAndGet() == 0) {
                            allDone.countDown();
                        }
                    };
            try {
                callers.execute(
                        () -> {
                            try {
                                attempt(intended, warmup, call, recorder, inFlight, peak);
                            } finally {
                                finish.run();
                            }
                        });
            } catch (RejectedExecutionException e) {
                recorder.recordError(e, warmup);
                finish.run();
            }
        }
        allDone.await(completionBound.toNanos(), TimeUnit.NANOSECONDS);
        return new Counts(schedule.measuredCalls(), remaining.get(), peak.get());
    }

    private void attempt(
            long intended,
            boolean warmup,
            Call call,
            LatencyRecorder recorder,
            AtomicInteger inFlight,
            AtomicInteger peak) {
        long startNanos = ticker.nanoTime();
        if (startNanos - intended > lateLimitNanos) {
            recorder.recordNotStarted(warmup);
            return;
        }
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            call.call();
            long endNanos = ticker.nanoTime();
            if (!warmup) {
                recorder.recordSuccess(intended, startNanos, endNanos);
            }
        } catch (Exception e) {
            recorder.recordError(e, warmup);
        } catch (Error e) {
            recorder.recordError(e, warmup);
            throw e;
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
