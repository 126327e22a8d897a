package dev.dualpath.bench;

import org.jspecify.annotations.Nullable;

/**
 * A test-only knob that makes measured calls slower by a fixed fraction of <em>their own</em> time,
 * so that "+5 %" means +5 % of whatever this fork's speed turns out to be.
 *
 * <p>Why not a fixed spin: a spin sized in nanoseconds from a few sizing forks adds a different
 * fraction to every fork, because a fork's speed differs from the sizing forks' (on a 2-core VM
 * in-memory calls vary by 10–20 % between JVMs, sometimes bimodally), and it adds the spin loop's
 * own overshoot on top. Recorded "+5 %" conditions measured +6.3 % to +10.4 %.
 *
 * <p>How: calls are timed in windows of {@value #WINDOW}; after each window the caller busy-waits
 * {@code fraction} of the window's time. Timing a window rather than each call keeps the knob's own
 * cost (three clock reads, about 100 ns on this VM) at a few nanoseconds per call, so a change of 2
 * % of a 2.7 µs call (54 ns) is still reachable; {@link #calibrated} measures that cost once, in
 * this JVM, and takes it off every spin. The head's expected time per call is then {@code (1 +
 * fraction)} × its own unslowed time, within a nanosecond or so.
 *
 * <p>Time between calls counts as the calls' time, so the caller restarts the window ({@link
 * #restartWindow}) wherever time passes outside the measured calls, e.g. between JMH iterations.
 * Not thread-safe: one calling thread per instance, as a single-threaded JMH benchmark has.
 */
final class ProportionalSlowdown {

    /** Calls per timed window. */
    static final int WINDOW = 16;

    /** Clock reads timed to estimate one read's cost; about a millisecond's work. */
    private static final int CALIBRATION_READS = 100_000;

    /** Window ends timed with nothing in the window; a few milliseconds' work. */
    private static final int CALIBRATION_ROUNDS = 200_000;

    /** Repeats of each calibration: the fastest is kept, as a preempted repeat only reads high. */
    private static final int CALIBRATION_REPEATS = 5;

    private final double fraction;
    private final long fixedCostNanos;
    private long windowStartNanos = System.nanoTime();
    private int callsInWindow;

    private ProportionalSlowdown(double fraction, long fixedCostNanos) {
        this.fraction = fraction;
        this.fixedCostNanos = fixedCostNanos;
    }

    /**
     * The knob a system property asks for, calibrated now, or null when the property is not set.
     *
     * @param property the property's name, e.g. {@code dualpath.bench.slowdownFraction}
     * @throws IllegalArgumentException naming the property and its value if the value is not a
     *     number in (0, 10]
     */
    static @Nullable ProportionalSlowdown fromProperty(String property) {
        String value = System.getProperty(property);
        if (value == null) return null;
        try {
            return calibrated(Double.parseDouble(value.trim()));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException(
                    property + " must be a number in (0, 10], was '" + value + "'", e);
        }
    }

    /**
     * A slowdown by {@code fraction}, its fixed cost measured now in this JVM.
     *
     * @param fraction the share of the calls' time to add, e.g. 0.05; above 0 and at most 10
     * @throws IllegalArgumentException if fraction is not in (0, 10] (NaN included)
     */
    static ProportionalSlowdown calibrated(double fraction) {
        if (!(fraction > 0 && fraction <= 10)) {
            throw new IllegalArgumentException(
                    "slowdown fraction must be in (0, 10], was " + fraction);
        }
        ProportionalSlowdown uncorrected = new ProportionalSlowdown(fraction, 0);
        long windowEnd = Long.MAX_VALUE;
        long read = Long.MAX_VALUE;
        for (int r = 0; r < CALIBRATION_REPEATS; r++) {
            windowEnd = Math.min(windowEnd, uncorrected.emptyWindowEndNanos());
            read = Math.min(read, clockReadNanos());
        }
        // With an empty window the deadline is already past when the spin starts, so the window
        // end's time is its fixed cost. A real spin ends on the first read past its deadline: on
        // average half a read later than the deadline, which is taken off too.
        ProportionalSlowdown knob = new ProportionalSlowdown(fraction, windowEnd + read / 2);
        knob.windowStartNanos = System.nanoTime();
        return knob;
    }

    /**
     * Runs {@code path} on {@code target}; after every {@value #WINDOW}th call, busy-waits {@code
     * fraction} of the time since the last window ended, less this knob's own fixed cost.
     */
    Object call(BenchPath path, Target target) {
        Object result = path.call(target);
        if (++callsInWindow == WINDOW) {
            endWindow();
        }
        return result;
    }

    /**
     * Starts a fresh window, dropping the calls counted so far: call it where time passes outside
     * the measured calls (between JMH iterations), which must not be stretched.
     */
    void restartWindow() {
        callsInWindow = 0;
        windowStartNanos = System.nanoTime();
    }

    private void endWindow() {
        long now = System.nanoTime();
        spinUntil(now + (long) ((now - windowStartNanos) * fraction) - fixedCostNanos);
        callsInWindow = 0;
        windowStartNanos = System.nanoTime();
    }

    /** A window end's time with nothing in the window, in nanoseconds. */
    private long emptyWindowEndNanos() {
        windowStartNanos = System.nanoTime();
        long begin = windowStartNanos;
        for (int i = 0; i < CALIBRATION_ROUNDS; i++) {
            endWindow();
        }
        return (System.nanoTime() - begin) / CALIBRATION_ROUNDS;
    }

    private static long clockReadNanos() {
        long sink = 0;
        long begin = System.nanoTime();
        for (int i = 0; i < CALIBRATION_READS; i++) {
            sink += System.nanoTime() & 1;
        }
        long total = System.nanoTime() - begin;
        // sink is read so that the JIT cannot drop the loop's clock reads.
        return sink < 0 ? 0 : total / CALIBRATION_READS;
    }

    private static void spinUntil(long deadlineNanos) {
        while (System.nanoTime() - deadlineNanos < 0) {
            Thread.onSpinWait();
        }
    }

    @Override
    public String toString() {
        return "ProportionalSlowdown[fraction="
                + fraction
                + ", window="
                + WINDOW
                + " calls, fixedCostNanos="
                + fixedCostNanos
                + "]";
    }
}
