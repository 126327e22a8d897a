package dev.dualpath.bench.machine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A fixed amount of CPU-bound work (a linear congruential generator, two million steps: no memory
 * traffic, no allocation, no system call), timed in the calling thread's CPU time. Its time moves
 * only when the CPU itself runs it slower — throttled, its cache or core shared with another guest,
 * or the vCPU preempted by a host that does not report steal — so it is the machine's own
 * speedometer: timed before and after a fork and compared with its best in the same run.
 *
 * <p>CPU time rather than wall time, because a fork pinned to one CPU shares that CPU with its own
 * threads: a benchmark that leaves work behind (the {@code create} phase's executors each carry a
 * finalizer on JDK 17) kept the loop's wall time at 2.2x its best on a quiet machine, every fork,
 * every run. Another process taking the CPU is seen by {@code machine.foreign}, the hypervisor by
 * {@code machine.steal}; where the JVM cannot read a thread's CPU time, wall time is used.
 */
public final class CalibrationLoop {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Whether the JVM reads a thread's CPU time: fixed for its life, so asked once. */
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private static final int STEPS = 2_000_000;
    private static final int REPETITIONS = 3;

    /** Keeps the loop's result reachable so the JIT cannot drop the work. */
    private static volatile long sink;

    private CalibrationLoop() {}

    /**
     * Returns the best of a few timed runs of the loop, in microseconds of the calling thread's CPU
     * time (of wall time where the JVM cannot read it).
     *
     * @return the best of a few timed runs of the loop, in microseconds
     */
    public static double bestMicros() {
        long best = Long.MAX_VALUE;
        for (int r = 0; r < REPETITIONS; r++) {
            long start = nowNanos();
            sink = spin(sink);
            best = Math.min(best, nowNanos() - start);
        }
        return best / 1000.0;
    }

    private static long nowNanos() {
        // -1 also when thread CPU time is supported but switched off.
        long cpu = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : -1;
        return cpu >= 0 ? cpu : System.nanoTime();
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
