package dev.dualpath.bench.machine;

/**
 * A fixed amount of CPU-bound work (a linear congruential generator, two million steps: no memory
 * traffic, no allocation, no system call), timed. Its time moves only when the CPU this thread gets
 * is shared, throttled or stolen, so it is the machine's own speedometer: timed before and after a
 * fork and compared with its best in the same run.
 */
public final class CalibrationLoop {

    private static final int STEPS = 2_000_000;
    private static final int REPETITIONS = 3;

    /** Keeps the loop's result reachable so the JIT cannot drop the work. */
    private static volatile long sink;

    private CalibrationLoop() {}

    /**
     * Returns the best of a few timed runs of the loop, in microseconds.
     *
     * @return the best of a few timed runs of the loop, in microseconds
     */
    public static double bestMicros() {
        long best = Long.MAX_VALUE;
        for (int r = 0; r < REPETITIONS; r++) {
            long start = System.nanoTime();
            sink = spin(sink);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1000.0;
    }

    /** Runs the loop often enough for the JIT to compile it, so later timings are of that code. */
    public static void warm() {
        for (int i = 0; i < 30; i++) sink = spin(sink);
    }

    private static long spin(long seed) {
        long x = seed | 1;
        for (int i = 0; i < STEPS; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }
}
