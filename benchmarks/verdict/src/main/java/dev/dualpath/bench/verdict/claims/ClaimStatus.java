package dev.dualpath.bench.verdict.claims;

/** The outcome of checking one claim on one subject and side; carries its exit code. */
public enum ClaimStatus {
    /** The whole confidence interval lies inside the range the claim allows. */
    HOLDS(0),
    /** The whole confidence interval lies outside it. */
    FAILS(1),
    /**
     * The interval straddles the boundary, or the data needed is absent (the reason says which).
     */
    INCONCLUSIVE(0),
    /**
     * Not checked: the claim's data comes from a profile this run did not run (the claim names it
     * with {@code requiresProfile}, and the reason says which). No verdict on the claim, unlike
     * INCONCLUSIVE, which measured it and could not decide.
     */
    NOT_MEASURED(0);

    private final int exitCode;

    ClaimStatus(int exitCode) {
        this.exitCode = exitCode;
    }

    /** 1 for FAILS, else 0. */
    public int exitCode() {
        return exitCode;
    }
}
