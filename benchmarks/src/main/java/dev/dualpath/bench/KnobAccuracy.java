package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import java.time.Duration;
import java.util.Locale;

/**
 * How much {@link ProportionalSlowdown} really slows in-memory {@code DIRECT}, measured inside one
 * JVM, where the fork-to-fork noise that hides a few percent between forks is absent: runs of plain
 * calls and of knob calls alternate in ABBA order, and the knob's share is the geometric mean of
 * the pairs' ratios with a 95 % interval (normal, over the pairs' log ratios).
 *
 * <p>Run: {@code java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
 * dev.dualpath.bench.KnobAccuracy 0.05 40 50000} (fraction, pairs, calls per run). It prints the
 * knob's calibration and one line with the ratio; about 15 s for those arguments, after a 4 s
 * warm-up. It measures the machine, so run it alone.
 */
public final class KnobAccuracy {

    private static final Duration WARMUP = Duration.ofSeconds(4);

    private static final int WARMUP_RUN_CALLS = 1_000;

    /** Written by every call so that the JIT cannot drop the calls. */
    @SuppressWarnings("unused")
    private static volatile Object sink;

    private KnobAccuracy() {}

    /**
     * Measures and prints.
     *
     * @param args fraction (in (0, 10]), pairs (at least 2), calls per run (at least 1)
     * @throws IllegalArgumentException if an argument is missing or out of range
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: KnobAccuracy <fraction> <pairs> <calls>");
        }
        double fraction = Double.parseDouble(args[0]);
        int pairs = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        if (pairs < 2 || calls < 1) {
            throw new IllegalArgumentException("need at least 2 pairs and 1 call per run");
        }
        ProportionalSlowdown knob = ProportionalSlowdown.calibrated(fraction);
        System.out.println(knob);
        try (Target target = Target.inMemory(ContinuationExecutor.OWNED_POOL, Duration.ZERO)) {
            long warmEnd = System.nanoTime() + WARMUP.toNanos();
            while (System.nanoTime() - warmEnd < 0) {
                plainRun(target, WARMUP_RUN_CALLS);
                knobRun(knob, target, WARMUP_RUN_CALLS);
            }
            double sum = 0;
            double sumSquares = 0;
            for (int p = 0; p < pairs; p++) {
                // ABBA: the second run of a pair is the one a drifting machine favours or
                // penalises; alternating which side goes first cancels that.
                double plainNanos;
                double knobNanos;
                if (p % 2 == 0) {
                    plainNanos = plainRun(target, calls);
                    knobNanos = knobRun(knob, target, calls);
                } else {
                    knobNanos = knobRun(knob, target, calls);
                    plainNanos = plainRun(target, calls);
                }
                double logRatio = Math.log(knobNanos / plainNanos);
                sum += logRatio;
                sumSquares += logRatio * logRatio;
            }
            double mean = sum / pairs;
            double sd = Math.sqrt(Math.max(0, (sumSquares - pairs * mean * mean) / (pairs - 1)));
            double half = 1.96 * sd / Math.sqrt(pairs);
            System.out.printf(
                    Locale.ROOT,
                    "fraction %s: %d ABBA pairs of %d calls, knob / plain x%.4f, 95 %% CI"
                            + " [x%.4f, x%.4f]%n",
                    args[0],
                    pairs,
                    calls,
                    Math.exp(mean),
                    Math.exp(mean - half),
                    Math.exp(mean + half));
        }
    }

    /** Nanoseconds per plain call over {@code calls} calls. */
    private static double plainRun(Target target, int calls) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink = BenchPath.DIRECT.call(target);
        }
        return (System.nanoTime() - start) / (double) calls;
    }

    /** Nanoseconds per knob call over {@code calls} calls, in a fresh window. */
    private static double knobRun(ProportionalSlowdown knob, Target target, int calls) {
        knob.restartWindow();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink = knob.call(BenchPath.DIRECT, target);
        }
        return (System.nanoTime() - start) / (double) calls;
    }
}
