package dev.dualpath.bench.verdict.gate;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.MetricDirection;
import dev.dualpath.bench.verdict.jmh.Units;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;

/**
 * One gated series: the baseline and current units, the ratio current / baseline of their means
 * with its interval, and the verdict.
 *
 * @param id the series
 * @param unit its unit (the same in both runs; a unit change is reported in {@code note})
 * @param direction which way is better
 * @param baseline the baseline's units
 * @param current the current run's units
 * @param ratio current / baseline: the ratio of the geometric means of the fork summaries, with its
 *     two-sided interval (never corrected for multiplicity; always within (0, ∞))
 * @param minEffect the minimum relative effect applied to this series
 * @param minDetectableEffect the relative regression this data would detect with 80 % power at the
 *     family's strictest level (NaN if unknown)
 * @param verdict PASS, FAIL or INCONCLUSIVE
 * @param improved true when the interval lies entirely on the better side and the point estimate is
 *     at least the minimum effect better (reported as a note; the verdict is PASS)
 * @param note why the verdict is what it is, when that is not obvious; empty otherwise
 * @param family which multiple-testing family the series belongs to
 * @param adjustedP the one-sided p-value of "no regression", Holm-adjusted over the family; NaN
 *     when the series is not tested
 * @param forksToDecide for INCONCLUSIVE: forks per side that would decide at the measured variance;
 *     0 otherwise
 */
public record GateRow(
        BenchmarkId id,
        String unit,
        MetricDirection direction,
        Units baseline,
        Units current,
        ConfidenceInterval ratio,
        double minEffect,
        double minDetectableEffect,
        GateVerdict verdict,
        boolean improved,
        String note,
        Family family,
        double adjustedP,
        int forksToDecide) {

    /**
     * The multiple-testing families: primary metrics (time, throughput) and secondary metrics
     * (bytes, threads, CPU time, context switches per op) are corrected separately, so that a dozen
     * low-noise secondary series do not make a noisy primary series harder to FAIL.
     */
    public enum Family {
        /** A benchmark's primary metric. */
        PRIMARY,
        /** A profiler's secondary metric. */
        SECONDARY;

        /** The family of a series. */
        public static Family of(BenchmarkId id) {
            return id.secondary() == null ? PRIMARY : SECONDARY;
        }
    }

    /** How the note of a row flagged by {@link #notJudged} begins. */
    public static final String NOT_JUDGED = "not judged: ";

    /**
     * This row flagged as resting on forks measured on a disturbed machine: INCONCLUSIVE whatever
     * the data said, the reason first in the note. A FAIL or PASS from such forks would be a
     * verdict on the machine, not on the code.
     *
     * @param why which run and how many of its forks, and what disturbed them
     */
    public GateRow notJudged(String why) {
        return with(
                GateVerdict.INCONCLUSIVE,
                false,
                NOT_JUDGED + why + (note.isEmpty() ? "" : "; " + note));
    }

    /**
     * This row with its verdict kept and {@code why} added to its note: a flagged fork that could
     * not have produced this verdict (see {@link Gate}).
     *
     * @param why which run and how many of its forks, what disturbed them, and why the verdict
     *     stands
     */
    public GateRow flaggedButKept(String why) {
        return with(verdict, improved, note.isEmpty() ? why : note + "; " + why);
    }

    /** This row with another verdict, improvement flag and note; everything else kept. */
    private GateRow with(GateVerdict newVerdict, boolean newImproved, String newNote) {
        return new GateRow(
                id,
                unit,
                direction,
                baseline,
                current,
                ratio,
                minEffect,
                minDetectableEffect,
                newVerdict,
                newImproved,
                newNote,
                family,
                adjustedP,
                forksToDecide);
    }

    /** Whether {@link #notJudged} flagged this row. */
    public boolean disturbed() {
        return note.startsWith(NOT_JUDGED);
    }

    /** Relative change of the mean, current / baseline - 1 (negative = smaller value). */
    public double change() {
        return ratio.point() - 1;
    }
}
