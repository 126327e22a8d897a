package dev.dualpath.conformance.result;

/** How one check (a scenario on a path, or a scenario's all-paths agreement) came out. */
public enum Verdict {
    /** Matched the expected outcome and agreed with the other paths. */
    PASS("✓", false),
    /**
     * Did not match, or disagreed with the other paths, and the plug-in declares no divergence for
     * this cell.
     */
    FAIL("✗", true),
    /**
     * Did not match or disagreed, as the plug-in's expected-divergence list declares for this cell
     * (scenario × path): excused, never a pass. Such a path is not benchmarked.
     */
    DIVERGED("≈", false),
    /**
     * The plug-in's list declares a divergence for this cell, but the cell matched and agreed: the
     * entry is stale and must be removed. Fails the suite.
     */
    STALE("!", true),
    /** Not run; the result says why. */
    SKIPPED("–", false);

    private final String symbol;
    private final boolean failure;

    Verdict(String symbol, boolean failure) {
        this.symbol = symbol;
        this.failure = failure;
    }

    /** ✓, ✗, ≈, ! or –, for the Markdown table. */
    public String symbol() {
        return symbol;
    }

    /** Whether this verdict fails the suite: {@link #FAIL} and {@link #STALE}. */
    public boolean isFailure() {
        return failure;
    }

    /** Whether a path with a cell of this verdict may be benchmarked: PASS and SKIPPED only. */
    public boolean allowsBenchmarking() {
        return this == PASS || this == SKIPPED;
    }
}
