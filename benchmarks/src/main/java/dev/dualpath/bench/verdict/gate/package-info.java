/**
 * The regression gate: {@code Gate} compares a current run with a baseline series by series; {@code
 * RatioJudge} turns the bootstrap interval of mean(current) / mean(baseline) into PASS, FAIL or
 * INCONCLUSIVE ({@code GateVerdict}). A FAIL needs both significance (after a family-wise
 * correction) and a minimum effect; every row reports the minimum detectable effect, because with a
 * few forks on a noisy machine most answers are honestly INCONCLUSIVE
 * (docs/calibration.md#fork-to-fork-noise).
 *
 * <p>May depend on the verdict's {@code jmh} and {@code stats} packages only; nothing of the
 * adapter, test kit, conformance suite, JMH, WireMock or any HTTP client (ArchitectureTest).
 */
package dev.dualpath.bench.verdict.gate;
