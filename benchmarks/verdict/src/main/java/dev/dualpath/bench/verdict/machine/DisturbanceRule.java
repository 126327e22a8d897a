package dev.dualpath.bench.verdict.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a fork counts as measured on a disturbed machine. On a quiet 2-CPU machine other processes
 * use well under a tenth of a CPU, steal is 0 and the calibration loop stays within a few percent
 * of its best; a concurrent build or a CPU burner moves the first to 1 CPU or more and the last by
 * tens of percent. A fork trips the rule when any of
 *
 * <ul>
 *   <li>other processes used more than {@link #maxForeignCpus} CPUs on average,
 *   <li>the hypervisor stole more than {@link #maxSteal} of the CPU time,
 *   <li>the calibration loop ran more than {@link #maxCalibrationSlowdown} times slower than the
 *       best calibration of the run (the reference: the same loop on the same machine minutes
 *       apart).
 * </ul>
 *
 * The load average is shown, never used: it is a one-minute moving average, so it reports a
 * disturbance a minute late and keeps reporting it a minute after it ended.
 *
 * @param maxForeignCpus e.g. 0.25
 * @param maxSteal e.g. 0.05
 * @param maxCalibrationSlowdown e.g. 1.25
 */
public record DisturbanceRule(
        double maxForeignCpus, double maxSteal, double maxCalibrationSlowdown) {

    /** The thresholds measured to separate a quiet run from one beside a build on this VM. */
    public static final DisturbanceRule DEFAULT = new DisturbanceRule(0.25, 0.05, 1.25);

    /**
     * Returns why the fork counts as disturbed, or empty.
     *
     * @param c what the machine did during the fork
     * @param referenceCalibrationMicros the run's best calibration, µs (NaN if none)
     * @return why the fork counts as disturbed, or empty
     */
    public Optional<String> disturbed(MachineConditions c, double referenceCalibrationMicros) {
        List<String> why = new ArrayList<>();
        if (c.foreignCpus() > maxForeignCpus) {
            why.add(String.format(Locale.ROOT, "other processes used %.2f CPUs", c.foreignCpus()));
        }
        if (c.stealShare() > maxSteal) {
            why.add(String.format(Locale.ROOT, "%.0f %% CPU steal", c.stealShare() * 100));
        }
        double slowdown = c.calibrationMicros() / referenceCalibrationMicros;
        if (slowdown > maxCalibrationSlowdown) {
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
}
