package dev.dualpath.bench.verdict.gate;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import java.util.List;

/**
 * The whole comparison of a current run with a baseline.
 *
 * @param rows series present in both runs, with verdicts, sorted by id
 * @param missing series in the baseline but not in the current run (not renamed)
 * @param added series in the current run but not in the baseline (not renamed)
 * @param renamed probable renames: a missing and a new series with the same method name, mode,
 *     params and metric, each the only candidate for the other
 * @param config the settings used
 * @param spread the run-to-run spread added to the series it lists ({@link RunSpread#NONE} if none)
 */
public record GateResult(
        List<GateRow> rows,
        List<BenchmarkId> missing,
        List<BenchmarkId> added,
        List<Rename> renamed,
        GateConfig config,
        RunSpread spread) {

    /** Freezes the lists. */
    public GateResult {
        rows = List.copyOf(rows);
        missing = List.copyOf(missing);
        added = List.copyOf(added);
        renamed = List.copyOf(renamed);
    }

    /** A result judged on forks alone, without a run-to-run spread. */
    public GateResult(
            List<GateRow> rows,
            List<BenchmarkId> missing,
            List<BenchmarkId> added,
            List<Rename> renamed,
            GateConfig config) {
        this(rows, missing, added, renamed, config, RunSpread.NONE);
    }

    /** Rows whose series had a run-to-run spread added. */
    public long withSpread() {
        return rows.stream().filter(r -> spread.of(r.id()).isPresent()).count();
    }

    /** A probable rename from the baseline's id to the current run's id. */
    public record Rename(BenchmarkId from, BenchmarkId to) {}

    /** Number of rows with the verdict. */
    public long count(GateVerdict v) {
        return rows.stream().filter(r -> r.verdict() == v).count();
    }

    /**
     * Returns 1 if any row FAILed (or, if asked, any series is missing), else 0.
     *
     * @param failOnMissing whether a missing series counts as a failure
     */
    public int exitCode(boolean failOnMissing) {
        int code = rows.stream().mapToInt(r -> r.verdict().exitCode()).max().orElse(0);
        if (failOnMissing && !missing.isEmpty()) code = Math.max(code, 1);
        return code;
    }
}
