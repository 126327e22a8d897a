package dev.dualpath.bench.verdict.cli;

/** The CLI's exit codes: the contract CI pipelines rely on. */
public enum ExitCode {
    /** Every verdict passed (INCONCLUSIVE is not a failure). */
    OK(0),
    /** A regression (gate FAIL) or a failed claim (FAILS), or the evidence not shown. */
    FAILED(1),
    /**
     * Usage error or bad input: a missing file, malformed JSON, an unknown benchmark in a claim.
     */
    BAD_INPUT(2),
    /**
     * {@code run} only: the run stopped at its {@code --budget} with forks still to measure; what
     * it measured is kept, and {@code run --resume DIR} goes on from there.
     */
    PAUSED(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit code. */
    public int code() {
        return code;
    }

    /** OK for 0, FAILED for anything else from a verdict (never PAUSED: verdicts do not pause). */
    public static ExitCode ofVerdict(int verdictCode) {
        return verdictCode == 0 ? OK : FAILED;
    }
}
