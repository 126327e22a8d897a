package dev.dualpath.bench.machine;

import dev.dualpath.bench.verdict.machine.MachineConditions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU accounting at one instant, from Linux's {@code /proc}: CPU time spent busy by
 * all processes and stolen by the hypervisor ({@code /proc/stat}), this JVM's own CPU time and its
 * reaped children's ({@code /proc/self/stat}), and the load average. Two samples give the {@link
 * MachineConditions} of the interval between them. On a system without {@code /proc} the counts are
 * NaN and so are the conditions.
 *
 * @param wallNanos {@link System#nanoTime()}
 * @param busySeconds CPU time of every process since boot (user, nice, system, irq, softirq,
 *     steal), seconds
 * @param stealSeconds CPU time stolen since boot, seconds
 * @param ownSeconds this JVM's CPU time, seconds
 * @param childrenSeconds CPU time of this JVM's finished, reaped child processes, seconds
 * @param loadAverage one-minute load average
 */
public record ProcSample(
        long wallNanos,
        double busySeconds,
        double stealSeconds,
        double ownSeconds,
        double childrenSeconds,
        double loadAverage) {

    /** Linux's USER_HZ: {@code /proc} counts CPU time in 1/100 s on every common platform. */
    private static final double TICKS_PER_SECOND = 100;

    /** A sample now. */
    public static ProcSample now() {
        double[] stat = cpuLine();
        double[] self = selfTimes();
        double own =
                ManagementFactory.getOperatingSystemMXBean()
                                instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getProcessCpuTime() / 1e9
                        : self[0];
        return new ProcSample(
                System.nanoTime(), stat[0], stat[1], own, self[1], currentLoadAverage());
    }

    /**
     * The conditions between {@code before} and this sample.
     *
     * @param before the earlier sample
     * @param measuredSeconds CPU time of the measured process(es) in the interval, excluded from
     *     "other processes" (this JVM's own for a profiler in the fork; the child's for a launcher)
     * @param calibrationMicros the calibration loop's time to report (NaN if none)
     */
    public MachineConditions since(
            ProcSample before, double measuredSeconds, double calibrationMicros) {
        double wall = (wallNanos - before.wallNanos) / 1e9;
        double busy = busySeconds - before.busySeconds;
        double foreign = Math.max(0, busy - measuredSeconds) / wall;
        double steal = (stealSeconds - before.stealSeconds) / Math.max(busy, 1e-9);
        return new MachineConditions(
                foreign,
                busy > 0 ? steal : Double.NaN,
                loadAverage,
                measuredSeconds / wall,
                calibrationMicros);
    }

    private static double[] cpuLine() {
        try {
            String line =
                    Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0);
            String[] f = line.trim().split("\\s+", -1);
            double busy = 0;
            int[] busyFields = {1, 2, 3, 6, 7, 8}; // user nice system irq softirq steal
            for (int i : busyFields) if (i < f.length) busy += Long.parseLong(f[i]);
            double steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new double[] {busy / TICKS_PER_SECOND, steal / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** utime+stime and cutime+cstime of this process, seconds. */
    private static double[] selfTimes() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // Fields after the command name, which may contain spaces, closed by the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+", -1);
            double own = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
            double children = (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND;
            return new double[] {own, children};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    private static double currentLoadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
