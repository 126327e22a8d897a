package dev.dualpath.bench.power;

import dev.dualpath.bench.verdict.gate.GateVerdict;

/**
 * One trial of {@code dualpath power}: the sequential rule applied block by block, as {@code
 * compare} applies it, to blocks drawn from a pool of real interleaved forks (no block twice).
 *
 * @param verdict the verdict on the condition's metric
 * @param anyFail whether any gated metric FAILed (for A/A: a false alarm)
 * @param blocks blocks until the condition's metric was decided, or until the trial ended
 * @param seconds the wall time those blocks took when they were measured
 * @param exhausted whether the pool ran out before a decision or the budget
 */
public record Trial(
        GateVerdict verdict, boolean anyFail, int blocks, double seconds, boolean exhausted) {}
