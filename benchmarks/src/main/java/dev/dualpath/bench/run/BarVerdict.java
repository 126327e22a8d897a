package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.stats.ConfidenceInterval;

/**
 * How a summary table judges a bar by a 95 % interval: it holds when the whole interval is on the
 * right side, does not hold when the whole interval is on the wrong side, and is undecided
 * otherwise (or when there is no interval), saying that more forks would decide it.
 */
final class BarVerdict {

    private static final String SPANS =
            "undecided: the interval spans the bar; more forks would decide";

    private BarVerdict() {}

    /** For a bar the value must reach: holds when the interval's lower end is at or above it. */
    static String atLeast(ConfidenceInterval ci, double bar) {
        if (!ci.isDefined()) return undefined(ci);
        if (ci.lower() >= bar) return "holds";
        if (ci.upper() < bar) return "does not hold";
        return SPANS;
    }

    /** For a bar the value must stay under: holds when the interval's upper end is at or below. */
    static String atMost(ConfidenceInterval ci, double bar) {
        if (!ci.isDefined()) return undefined(ci);
        if (ci.upper() <= bar) return "holds";
        if (ci.lower() > bar) return "does not hold";
        return SPANS;
    }

    private static String undefined(ConfidenceInterval ci) {
        return "undecided: no interval (" + ci.note() + "); more forks would decide";
    }
}
