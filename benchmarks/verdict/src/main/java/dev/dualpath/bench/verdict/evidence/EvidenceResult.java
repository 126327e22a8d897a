package dev.dualpath.bench.verdict.evidence;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
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
     * @param aaFail A/A splits judged FAIL (false alarms; must be 0)
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

    /** No false alarm, no miss judged PASS, and detection at least the required fraction. */
    public boolean passed() {
        return !rows.isEmpty()
                && falseAlarms() == 0
                && misses() == 0
                && detection() >= settings.minDetection();
    }
}
