package dev.dualpath.bench.verdict.gate;

/**
 * The outcome of comparing one series of a current run with its baseline. Each constant carries the
 * process exit code it implies, so the CLI's overall code is the maximum over all rows.
 */
public enum GateVerdict {
    /** The confidence interval rules out a regression as large as the minimum effect. */
    PASS(0),
    /**
     * The interval lies entirely on the worse side of "no change" and the point estimate is at
     * least the minimum effect: a regression, both significant and large enough to matter.
     */
    FAIL(1),
    /** Neither: too noisy, too few units, or a change of uncertain size. Not a failure. */
    INCONCLUSIVE(0);

    private final int exitCode;

    GateVerdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** 0 for PASS and INCONCLUSIVE, 1 for FAIL. */
    public int exitCode() {
        return exitCode;
    }
}
