package dev.dualpath.bench.verdict.claims;

import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import dev.dualpath.bench.verdict.stats.Distributions;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * For an INCONCLUSIVE claim: about how many units (forks) per quantity would decide it, if the
 * value and the spread stayed as measured.
 *
 * <p>A claim is decided when its interval lies inside the range agreeing with the claim (HOLDS) or
 * outside it (FAILS). At the measured point, the interval must shrink until the bound it straddles
 * is cleared. The interval's half-width scales as {@code t(n-1)·sqrt(n/(n-1))/sqrt(n)} (the
 * bootstrap's small-sample floor, {@code Bootstrap}), so the plan is the smallest n whose scaled
 * half-width, on the side facing that bound, fits between the point and the bound. A point on a
 * bound cannot be decided by more units; neither can one past {@link #MAX_UNITS}.
 */
final class ClaimPlanner {

    /** Plans past this many units per quantity are reported as impractical. */
    static final int MAX_UNITS = 1000;

    private ClaimPlanner() {}

    /**
     * Units per quantity that would decide the claim at the measured point and spread; {@link
     * #MAX_UNITS} when none would; empty when the interval is undefined or already decides.
     *
     * @param ci the interval the claim is decided on
     * @param low lowest value agreeing with the claim
     * @param high highest value agreeing with the claim (may be infinite)
     */
    static OptionalInt unitsToDecide(ConfidenceInterval ci, double low, double high) {
        if (!ci.isDefined() || ci.minUnits() < 2) return OptionalInt.empty();
        double p = ci.point();
        double below = p - ci.lower();
        double above = ci.upper() - p;
        double factor; // how many times too wide the interval is, on the side that matters
        if (p < low) {
            factor = above / (low - p);
        } else if (p > high) {
            factor = below / (p - high);
        } else {
            double fLow = ci.lower() < low ? below / (p - low) : 0;
            double fHigh = ci.upper() > high ? above / (high - p) : 0;
            factor = Math.max(fLow, fHigh);
        }
        if (!(factor > 1)) {
            return factor <= 1 ? OptionalInt.empty() : OptionalInt.of(MAX_UNITS);
        }
        int n = ci.minUnits();
        double now = scale(n, ci.confidence());
        for (int m = n + 1; m <= MAX_UNITS; m++) {
            if (factor * scale(m, ci.confidence()) / now <= 1) return OptionalInt.of(m);
        }
        return OptionalInt.of(MAX_UNITS);
    }

    /** Half-width per unit of spread at n units: t(1-α/2, n-1)·sqrt(n/(n-1))/sqrt(n). */
    private static double scale(int n, double confidence) {
        double t = Distributions.studentTQuantile(1 - (1 - confidence) / 2, n - 1);
        return t * Math.sqrt(n / (n - 1.0)) / Math.sqrt(n);
    }

    /**
     * The plan as a sentence, e.g. "about 9 forks per series (interleaved rounds: run --forks 9)
     * would decide it".
     *
     * @param units from {@link #unitsToDecide}
     * @param inputs the claim's quantities (their basis names the unit)
     * @param paired whether the quantities' forks ran in the same rounds
     */
    static String describe(int units, List<ClaimResult.Input> inputs, boolean paired) {
        if (units >= MAX_UNITS) {
            return "no practical number of forks decides it at this value and spread";
        }
        boolean forks = inputs.stream().allMatch(i -> i.basis().startsWith("forks"));
        String unit = forks ? "forks" : "units";
        String how =
                paired
                        ? String.format(Locale.ROOT, " (interleaved rounds: run --forks %d)", units)
                        : "";
        return String.format(
                Locale.ROOT, "about %d %s per series%s would decide it", units, unit, how);
    }
}
