package dev.dualpath.bench.verdict.evidence;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.stats.Wilson;
import java.util.List;

/**
 * What the gate did on data with a known answer.
 *
 * @param rows one per series with enough forks
 * @param skipped series left out, with the reason
 * @param settings the settings used
 */
public record EvidenceResult(List<Row> rows, List<Skipped> skipped, EvidenceSettings settings) {

    /** Freezes the lists. */
    public EvidenceResult {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }

    /**
     * One series.
     *
     * @param id the series
     * @param forks pooled forks split into halves
     * @param aaFail A/A splits judged FAIL (false alarms)
     * @param aaPass A/A splits judged PASS
     * @param aaInconclusive A/A splits judged INCONCLUSIVE
     * @param slowFail injected-slowdown splits judged FAIL (caught)
     * @param slowPass injected-slowdown splits judged PASS (missed; must be 0)
     * @param slowInconclusive injected-slowdown splits judged INCONCLUSIVE
     * @param medianMde median minimum detectable effect over the A/A splits
     */
    public record Row(
            BenchmarkId id,
            int forks,
            int aaFail,
            int aaPass,
            int aaInconclusive,
            int slowFail,
            int slowPass,
            int slowInconclusive,
            double medianMde) {

        /** Fraction of injected-slowdown splits caught. */
        public double detection() {
            int n = slowFail + slowPass + slowInconclusive;
            return n == 0 ? 0 : (double) slowFail / n;
        }
    }

    /** A series not used, and why. */
    public record Skipped(BenchmarkId id, String reason) {}

    /** Total A/A false alarms. */
    public int falseAlarms() {
        return rows.stream().mapToInt(Row::aaFail).sum();
    }

    /** A/A judgements made: one per split of every series. */
    public int aaJudgements() {
        return rows.stream().mapToInt(r -> r.aaFail() + r.aaPass() + r.aaInconclusive()).sum();
    }

    /**
     * The rate at which one series judged alone is designed to FAIL when nothing changed: the
     * one-sided level of the judge's test, (1 - confidence) / 2, so 2.5 % at 95 %. A FAIL also
     * needs the change to reach the minimum effect, which makes the real rate lower still.
     */
    public double designedFalseAlarmLevel() {
        return (1 - settings.gate().bootstrap().confidence()) / 2;
    }

    /**
     * The A/A false alarms as a rate over every A/A judgement, with its Wilson interval at the
     * gate's confidence.
     *
     * @throws IllegalArgumentException if there are no rows (nothing was judged)
     */
    public Wilson falseAlarmRate() {
        return Wilson.of(falseAlarms(), aaJudgements(), settings.gate().bootstrap().confidence());
    }

    /**
     * Whether the A/A false alarms agree with {@link #designedFalseAlarmLevel()}: the interval of
     * {@link #falseAlarmRate()} reaches down to the level. Requiring no FAIL at all would ask more
     * of the test than its design: a test exactly at a 2.5 % level FAILs one A/A judgement in 40,
     * so 80 independent judgements (20 splits of 4 series) show at least one FAIL 87 % of the time,
     * and a correct gate would be reported as crying wolf. The splits of a series reuse its forks,
     * so the judgements are not independent and the interval is narrower than their real spread;
     * that errs towards reporting a false alarm, never towards hiding one.
     */
    public boolean falseAlarmsWithinLevel() {
        return !rows.isEmpty() && falseAlarmRate().lower() <= designedFalseAlarmLevel();
    }

    /** Total injected slowdowns judged PASS. */
    public int misses() {
        return rows.stream().mapToInt(Row::slowPass).sum();
    }

    /** Fraction of all injected-slowdown comparisons judged FAIL. */
    public double detection() {
        int caught = rows.stream().mapToInt(Row::slowFail).sum();
        int all =
                rows.stream()
                        .mapToInt(r -> r.slowFail() + r.slowPass() + r.slowInconclusive())
                        .sum();
        return all == 0 ? 0 : (double) caught / all;
    }

    /**
     * False alarms within the designed level, no injected slowdown judged PASS, and detection at
     * least the required fraction.
     */
    public boolean passed() {
        return falseAlarmsWithinLevel() && misses() == 0 && detection() >= settings.minDetection();
    }
}
