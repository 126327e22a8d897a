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
     * @param slowPass injected-slowdown splits judged PASS (a miss declared safe)
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

    /** Injected-slowdown judgements made: one per split of every series. */
    public int slowJudgements() {
        return rows.stream()
                .mapToInt(r -> r.slowFail() + r.slowPass() + r.slowInconclusive())
                .sum();
    }

    /**
     * The rate at which one series judged alone is designed to give either wrong verdict: the
     * one-sided level of the judge's test, (1 - confidence) / 2, so 2.5 % at 95 %. A FAIL when
     * nothing changed needs the one-sided test to reject "no regression" (and the change to reach
     * the minimum effect, which makes it rarer still); a PASS when the change is at least the
     * minimum effect needs the interval's upper end below that effect, which happens at this rate
     * when the change is exactly the minimum effect and more rarely above it.
     */
    public double designedLevel() {
        return (1 - confidence()) / 2;
    }

    /**
     * The A/A false alarms as a rate over every A/A judgement, with its Wilson interval at the
     * gate's confidence.
     *
     * @throws IllegalArgumentException if there are no rows (nothing was judged)
     */
    public Wilson falseAlarmRate() {
        return Wilson.of(falseAlarms(), aaJudgements(), confidence());
    }

    /**
     * The injected slowdowns judged PASS as a rate over every injected-slowdown judgement, with its
     * Wilson interval at the gate's confidence.
     *
     * @throws IllegalArgumentException if there are no rows (nothing was judged)
     */
    public Wilson missRate() {
        return Wilson.of(misses(), slowJudgements(), confidence());
    }

    /**
     * Whether the A/A false alarms agree with {@link #designedLevel()}: the interval of {@link
     * #falseAlarmRate()} reaches down to the level. See {@link #agreesWithLevel}.
     */
    public boolean falseAlarmsWithinLevel() {
        return !rows.isEmpty() && agreesWithLevel(falseAlarmRate());
    }

    /**
     * Whether the injected slowdowns judged PASS agree with {@link #designedLevel()} (the slowdown
     * being at least the minimum effect): the interval of {@link #missRate()} reaches down to the
     * level. See {@link #agreesWithLevel}.
     */
    public boolean missesWithinLevel() {
        return !rows.isEmpty() && agreesWithLevel(missRate());
    }

    /**
     * A count of wrong verdicts agrees with the level unless its interval lies wholly above it.
     * Requiring none at all would ask more of the test than its design: a test exactly at a 2.5 %
     * level is wrong in one judgement of 40, so 80 independent judgements (20 splits of 4 series)
     * show at least one wrong verdict 87 % of the time, and a correct gate would be reported as
     * broken. The splits of a series reuse its forks, so the judgements are not independent and the
     * interval is narrower than their real spread; that errs towards reporting a fault, never
     * towards hiding one.
     */
    private boolean agreesWithLevel(Wilson wrong) {
        return wrong.lower() <= designedLevel();
    }

    private double confidence() {
        return settings.gate().bootstrap().confidence();
    }

    /** Total injected slowdowns judged PASS. */
    public int misses() {
        return rows.stream().mapToInt(Row::slowPass).sum();
    }

    /** Fraction of all injected-slowdown comparisons judged FAIL. */
    public double detection() {
        int all = slowJudgements();
        return all == 0 ? 0 : (double) rows.stream().mapToInt(Row::slowFail).sum() / all;
    }

    /**
     * False alarms and injected slowdowns judged PASS both within the designed level, and detection
     * at least the required fraction.
     */
    public boolean passed() {
        return falseAlarmsWithinLevel()
                && missesWithinLevel()
                && detection() >= settings.minDetection();
    }
}
