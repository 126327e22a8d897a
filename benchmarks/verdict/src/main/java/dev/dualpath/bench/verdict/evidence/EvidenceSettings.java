package dev.dualpath.bench.verdict.evidence;

import dev.dualpath.bench.verdict.gate.GateConfig;

/**
 * How the gate's own evidence is gathered.
 *
 * @param splits random halvings of the forks per series, at least 10
 * @param slowdown relative slowdown injected into one half for the sensitivity check, e.g. 0.10
 * @param minForks series with fewer pooled forks are skipped, at least 4
 * @param minDetection fraction of injected-slowdown comparisons that must FAIL for the evidence to
 *     pass
 * @param gate the gate settings under test
 */
public record EvidenceSettings(
        int splits, double slowdown, int minForks, double minDetection, GateConfig gate) {

    /**
     * @throws IllegalArgumentException if a setting is out of range
     */
    public EvidenceSettings {
        if (splits < 10) throw new IllegalArgumentException("splits must be >= 10, was " + splits);
        if (!(slowdown > 0 && slowdown < 10))
            throw new IllegalArgumentException("slowdown must be in (0, 10), was " + slowdown);
        if (minForks < 4)
            throw new IllegalArgumentException("min forks must be >= 4, was " + minForks);
        if (!(minDetection >= 0 && minDetection <= 1)) {
            throw new IllegalArgumentException(
                    "min detection must be in [0, 1], was " + minDetection);
        }
    }
}
