package dev.dualpath.conformance.result;

/** How one check (a scenario on a path, or a scenario's all-paths agreement) came out. */
public enum Verdict {
    /** Matched the expected outcome (or, for agreement, every path agreed). */
    PASS,
    /** Did not match, and no divergence was declared for it. */
    FAIL,
    /** Did not match, as the plug-in's expected-divergence list says it will; not a failure. */
    DIVERGED,
    /** Not run; the result says why. */
    SKIPPED;

    /** ✓, ✗, ≈ or –, for the Markdown table. */
    public String symbol() {
        return switch (this) {
            case PASS -> "✓";
            case FAIL -> "✗";
            case DIVERGED -> "≈";
            default -> "–";
        };
    }
}
