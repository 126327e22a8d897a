package dev.dualpath.bench.run;

import dev.dualpath.bench.PairMeter;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.Locale;
import java.util.Optional;

/**
 * The paths against their floors measured in the same forks ({@code PairedFloorBenchmark}): per
 * pair and setting, the mean of the forks' medians of each side and the ratio of the path's over
 * the floor's, its interval over forks paired by fork (each fork's two medians come from the same
 * JVM and minute, so the bootstrap resamples forks, not the two sides apart).
 */
final class PairedFloorTable {

    static final String PAIRED = "PairedFloorBenchmark.call";

    private final Bootstrap bootstrap;

    PairedFloorTable(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The section, or "" when the run has no paired series. */
    String markdown(RunIndex index) {
        StringBuilder rows = new StringBuilder();
        for (Measurement row : index.primaries(PAIRED)) {
            Optional<Measurement> path = index.secondarySeries(row, PairMeter.PATH_P50);
            Optional<Measurement> floor = index.secondarySeries(row, PairMeter.FLOOR_P50);
            if (path.isEmpty() || floor.isEmpty()) {
                continue;
            }
            double[] x = RunIndex.forkMeans(path.get());
            double[] y = RunIndex.forkMeans(floor.get());
            if (x.length == 0 || x.length != y.length) {
                continue;
            }
            ConfidenceInterval ci = bootstrap.ratioOfMeans(x, y, true);
            String ratio =
                    ci.isDefined()
                            ? String.format(
                                    Locale.ROOT,
                                    "%.3fx [%.3f, %.3f]",
                                    ci.point(),
                                    ci.lower(),
                                    ci.upper())
                            : String.format(Locale.ROOT, "%.3fx (no CI: 1 fork)", ci.point());
            rows.append("| ")
                    .append(FloorTable.label(row.id().params()))
                    .append(" | ")
                    .append(x.length)
                    .append(" | ")
                    .append(StrategyTable.num(FloorTable.mean(y)))
                    .append(" | ")
                    .append(StrategyTable.num(FloorTable.mean(x)))
                    .append(" | ")
                    .append(ratio)
                    .append(" |\n");
        }
        if (rows.length() == 0) {
            return "";
        }
        return "### Each path beside its floor in the same fork (loopback, p50)\n\n"
                + "| setting | forks | floor p50 µs | path p50 µs | path ÷ floor (95% CI) |\n"
                + "|---|---:|---:|---:|---|\n"
                + rows
                + "\nEach operation called the path and its floor once, alternating which went"
                + " first; each fork's medians come from its own measured iterations. The interval"
                + " resamples forks, each fork's two medians together, so what a fork's JVM,"
                + " CPUs and minute add to both sides cancels from the ratio.\n\n";
    }
}
