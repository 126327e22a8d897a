/**
 * Whether a measurement was made on a disturbed machine: {@link
 * dev.dualpath.bench.verdict.machine.MachineConditions} (other processes' CPU, steal, load, a
 * calibration loop) and the {@link dev.dualpath.bench.verdict.machine.DisturbanceRule} that flags a
 * fork. Pure values and rules: recording them is the benchmarks' job. Depends on nothing else.
 */
package dev.dualpath.bench.verdict.machine;
