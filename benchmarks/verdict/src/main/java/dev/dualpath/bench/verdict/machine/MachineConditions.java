package dev.dualpath.bench.verdict.machine;

/**
 * What the machine was doing while one fork (or one iteration) was measured. Any field may be NaN
 * where it was not recorded (a JVM without {@code /proc}, a run made before these were recorded).
 *
 * @param foreignCpus CPU time used by other processes per second of wall time, in CPUs: 0 on a
 *     quiet machine, 1 when another process kept one core busy all along
 * @param stealShare share of CPU time the hypervisor gave to other guests ({@code /proc/stat}
 *     steal), 0 to 1
 * @param loadAverage the one-minute load average at the end (it lags: context, not evidence)
 * @param ownCpuShare the measuring process's CPU time per second of wall time, in CPUs: how much of
 *     the wall time it actually ran (depends on the benchmark: a blocking call waits)
 * @param calibrationMicros the time of a fixed CPU-bound loop run beside the measurement, µs (the
 *     best of a few repetitions): it slows down when the CPU is shared or throttled
 * @param compileShare the JIT's compile time per second of measured time (0 once the code is
 *     compiled; near 1 or above while it is still being compiled): not the machine, but the same
 *     kind of fact about the measurement, that it was not taken in the steady state it claims
 */
public record MachineConditions(
        double foreignCpus,
        double stealShare,
        double loadAverage,
        double ownCpuShare,
        double calibrationMicros,
        double compileShare) {

    /** Nothing recorded. */
    public static final MachineConditions UNKNOWN =
            new MachineConditions(
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** These conditions, the JIT not recorded (a sample of the machine alone). */
    public MachineConditions(
            double foreignCpus,
            double stealShare,
            double loadAverage,
            double ownCpuShare,
            double calibrationMicros) {
        this(foreignCpus, stealShare, loadAverage, ownCpuShare, calibrationMicros, Double.NaN);
    }
}
