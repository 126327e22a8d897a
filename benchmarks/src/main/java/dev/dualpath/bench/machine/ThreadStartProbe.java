package dev.dualpath.bench.machine;

/**
 * A fixed amount of kernel-bound work, timed: platform threads started and joined one after the
 * other, each doing nothing. It moves when the machine's thread creation, scheduling or memory
 * mapping slows down, which {@link CalibrationLoop} (pure arithmetic, no system call) cannot see,
 * and which is what a thread-per-call path spends most of its time on. Timed before and after each
 * measured iteration and recorded as a diagnostic; no disturbance rule reads it, because on the
 * machine it was tried on it did not separate the wrappers' slow forks from the others and moved
 * with the JVM it ran in (results/round-20261202d/README.md).
 */
public final class ThreadStartProbe {

    private static final int THREADS = 20;
    private static final int REPETITIONS = 5;

    private ThreadStartProbe() {}

    /**
     * Returns the best of a few timed batches, in microseconds per thread started and joined (5 ×
     * 20 threads, about 10 ms in all on a quiet machine).
     *
     * @return µs per thread; NaN if the calling thread was interrupted (its flag is restored)
     */
    public static double bestMicros() {
        long best = Long.MAX_VALUE;
        try {
            for (int r = 0; r < REPETITIONS; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < THREADS; i++) {
                    Thread t = new Thread(ThreadStartProbe::nothing, "dualpath-thread-probe");
                    t.start();
                    t.join();
                }
                best = Math.min(best, System.nanoTime() - start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
        return best / (double) THREADS / 1000.0;
    }

    /** What each probe thread does: nothing, so that its start and join are all that is timed. */
    private static void nothing() {}
}
