/**
 * Recording what the machine does while benchmarks run: {@link
 * dev.dualpath.bench.machine.ProcSample} (CPU accounting from {@code /proc}), {@link
 * dev.dualpath.bench.machine.CalibrationLoop} (a fixed CPU-bound loop, timed) and {@link
 * dev.dualpath.bench.machine.DisturbanceProfiler} (both, per iteration of a JMH fork). Judging them
 * is {@code dev.dualpath.bench.verdict.machine}'s job. Depends on JMH and the verdict module's
 * value types only.
 */
package dev.dualpath.bench.machine;
