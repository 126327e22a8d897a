package dev.dualpath.bench.verdict.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a fork counts as measured on a disturbed machine, or before its code was compiled. On a
 * quiet 2-CPU machine other processes use well under a tenth of a CPU, steal is 0 and the
 * calibration loop stays within a few percent of its best; a concurrent build or a CPU burner moves
 * the first to 1 CPU or more and the last by tens of percent. A fork trips the rule when any of
 *
 * <ul>
 *   <li>other processes used more than {@link #maxForeignCpus} CPUs on average,
 *   <li>the hypervisor stole more than {@link #maxSteal} of the CPU time,
 *   <li>the calibration loop ran more than {@link #maxCalibrationSlowdown} times slower than the
 *       best calibration of the run (the reference: the same loop on the same machine minutes
 *       apart) — unless the fork itself kept at least {@link #selfBusyCpus} CPUs busy: then the
 *       loop shared its CPU with the fork's own threads (its collector, its finalizer, a stub in
 *       its JVM), which is the benchmark's cost, not the machine's. Measured here: with no other
 *       process about, most forks whose loop slowed by 1.25–2.4x ran their own threads at 1.43–1.92
 *       CPUs on average (the {@code create} phase, whose executors each carry a finalizer on JDK
 *       17, and in-process stubs; forks that idle between calls, at 0.01–0.3, and others at 0.4–1.3
 *       stay flagged), while single-threaded benchmarks stay at or under 1.1 and the forks of a run
 *       beside a build at 0.3–0.6 with other processes at 1.4–1.7 CPUs. (These figures are of a
 *       loop timed in wall time, as runs recorded before 2026-12-02 were; {@code dualpath run} now
 *       times it in the thread's CPU time, which the fork's own threads do not move);
 *   <li>the JIT spent more than {@link #maxCompileShare} of the measured time compiling: the fork
 *       was still warming up. Measured here: forks past their warm-up compiled for 0–10 % of their
 *       measured time; {@code LOOP_PER_CALL} after 4 s of warm-up for 49–77 %, and the loopback
 *       forks whose median came out 1.4–4x their path's other forks for 34–58 %.
 * </ul>
 *
 * The load average is shown, never used: it is a one-minute moving average, so it reports a
 * disturbance a minute late and keeps reporting it a minute after it ended.
 *
 * @param maxForeignCpus e.g. 0.25
 * @param maxSteal e.g. 0.05
 * @param maxCalibrationSlowdown e.g. 1.25
 * @param maxCompileShare e.g. 0.25: JIT time per second of measured time
 * @param selfBusyCpus e.g. 1.4: the fork's own CPU use from which a slow calibration loop is put
 *     down to the fork's own threads
 */
public record DisturbanceRule(
        double maxForeignCpus,
        double maxSteal,
        double maxCalibrationSlowdown,
        double maxCompileShare,
        double selfBusyCpus) {

    /**
     * The thresholds measured to separate a quiet run from one beside a build on this VM, and a
     * warmed-up fork from one still compiling.
     */
    public static final DisturbanceRule DEFAULT = new DisturbanceRule(0.25, 0.05, 1.25, 0.25, 1.4);

    /**
     * Returns why the fork counts as disturbed or still warming up, or empty: {@link
     * #machineDisturbed} and {@link #stillWarmingUp} together, joined by "; ".
     *
     * @param c what the machine did during the fork
     * @param referenceCalibrationMicros the run's best calibration, µs (NaN if none)
     * @return why the fork counts as disturbed, or empty
     */
    public Optional<String> disturbed(MachineConditions c, double referenceCalibrationMicros) {
        List<String> why = new ArrayList<>();
        machineDisturbed(c, referenceCalibrationMicros).ifPresent(why::add);
        stillWarmingUp(c).ifPresent(why::add);
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }

    /**
     * Returns why the machine counts as disturbed during the fork (other processes, steal, the
     * calibration loop), with the load average for context, or empty.
     *
     * @param c what the machine did during the fork
     * @param referenceCalibrationMicros the run's best calibration, µs (NaN if none)
     */
    public Optional<String> machineDisturbed(
            MachineConditions c, double referenceCalibrationMicros) {
        List<String> why = new ArrayList<>();
        if (c.foreignCpus() > maxForeignCpus) {
            why.add(String.format(Locale.ROOT, "other processes used %.2f CPUs", c.foreignCpus()));
        }
        if (c.stealShare() > maxSteal) {
            why.add(String.format(Locale.ROOT, "%.0f %% CPU steal", c.stealShare() * 100));
        }
        double slowdown = c.calibrationMicros() / referenceCalibrationMicros;
        // NaN (not recorded) is not busy: the loop's slowdown then counts, as before.
        boolean ownThreadsBusy = c.ownCpuShare() >= selfBusyCpus;
        if (slowdown > maxCalibrationSlowdown && !ownThreadsBusy) {
            why.add(
                    String.format(
                            Locale.ROOT, "calibration loop %.2fx slower than its best", slowdown));
        }
        if (why.isEmpty()) return Optional.empty();
        String load =
                Double.isNaN(c.loadAverage())
                        ? ""
                        : String.format(Locale.ROOT, " (load average %.1f)", c.loadAverage());
        return Optional.of(String.join(", ", why) + load);
    }

    /**
     * Returns why the fork counts as still warming up (its JIT compiling for more than {@link
     * #maxCompileShare} of the measured time), or empty; empty when the compile time was not
     * recorded.
     *
     * @param c what the fork's JIT did while it was measured
     */
    public Optional<String> stillWarmingUp(MachineConditions c) {
        if (!(c.compileShare() > maxCompileShare)) return Optional.empty();
        return Optional.of(
                String.format(
                        Locale.ROOT,
                        "the JIT was compiling for %.0f %% of the measured time",
                        c.compileShare() * 100));
    }
}
