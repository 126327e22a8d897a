package dev.dualpath.bench.verdict.claims;

import dev.dualpath.bench.verdict.stats.ConfidenceInterval;

/**
 * The shape of a claim. Each kind knows the range of values that agree with it; a claim HOLDS when
 * its whole confidence interval lies in that range, FAILS when the whole interval lies outside, and
 * is INCONCLUSIVE otherwise.
 */
public enum ClaimKind {
    /** value &gt;= target - tolerance. */
    AT_LEAST("at_least") {
        @Override
        public double low(double target, Tolerance t) {
            return target - t.around(target);
        }

        @Override
        public double high(double target, Tolerance t) {
            return Double.POSITIVE_INFINITY;
        }
    },
    /** value &lt;= target + tolerance. */
    AT_MOST("at_most") {
        @Override
        public double low(double target, Tolerance t) {
            return Double.NEGATIVE_INFINITY;
        }

        @Override
        public double high(double target, Tolerance t) {
            return target + t.around(target);
        }
    },
    /** |value - target| &lt;= tolerance. */
    APPROX("approx") {
        @Override
        public double low(double target, Tolerance t) {
            return target - t.around(target);
        }

        @Override
        public double high(double target, Tolerance t) {
            return target + t.around(target);
        }
    },
    /**
     * numerator / denominator &gt;= target - tolerance, for an expression whose top operation is a
     * division. Decided on the linear form {@code numerator - bound * denominator >= 0}, whose
     * interval stays finite when the denominator (e.g. a tiny overhead) is near zero, where the
     * ratio's own interval would be unbounded. The ratio's interval is still shown.
     */
    RATIO_AT_LEAST("ratio_at_least") {
        @Override
        public double low(double target, Tolerance t) {
            return target - t.around(target);
        }

        @Override
        public double high(double target, Tolerance t) {
            return Double.POSITIVE_INFINITY;
        }
    };

    private final String jsonName;

    ClaimKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in claims.json. */
    public String jsonName() {
        return jsonName;
    }

    /** Lowest value agreeing with the claim. */
    public abstract double low(double target, Tolerance t);

    /** Highest value agreeing with the claim. */
    public abstract double high(double target, Tolerance t);

    /**
     * Returns hOLDS if [lower, upper] is inside [low, high], FAILS if disjoint, else INCONCLUSIVE.
     *
     * @param ci the interval of the decision statistic
     * @param low lowest agreeing value
     * @param high highest agreeing value
     */
    public static ClaimStatus decide(ConfidenceInterval ci, double low, double high) {
        if (!ci.isDefined()) return ClaimStatus.INCONCLUSIVE;
        if (ci.lower() >= low && ci.upper() <= high) return ClaimStatus.HOLDS;
        if (ci.upper() < low || ci.lower() > high) return ClaimStatus.FAILS;
        return ClaimStatus.INCONCLUSIVE;
    }

    /**
     * Returns the kind, or null if unknown.
     *
     * @param name a kind as written in claims.json
     */
    public static ClaimKind fromJson(String name) {
        for (ClaimKind k : values()) if (k.jsonName.equals(name)) return k;
        return null;
    }
}
