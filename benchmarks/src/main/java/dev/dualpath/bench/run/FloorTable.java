package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The loopback floors: per transport, delay, body and stub, {@code DIRECT}'s p50 over the raw
 * blocking call's, and {@code SHARED_LOOP}'s over the raw async transport's own {@code join()}
 * ({@code RAW_ASYNC}) — what each path adds to the client it stands on — and, when it ran, {@code
 * SHARED_LOOP_NO_HOP}'s over the same floor. Ratios of per-fork p50s (each fork's own median from
 * its histograms), with a bootstrap interval over forks.
 */
final class FloorTable {

    static final String LOOPBACK = "LoopbackLatencyBenchmark.call";

    private static final String RAW_ASYNC = "RAW_ASYNC";

    private static final String NO_HOP = "SHARED_LOOP_NO_HOP";

    private final Bootstrap bootstrap;

    FloorTable(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The section, or "" when the run has no loopback pair to compare. */
    String markdown(RunIndex index) {
        StringBuilder rows = new StringBuilder();
        RunIndex.groupWithout(index.primaries(LOOPBACK), StrategyTable.PATH)
                .forEach(
                        (params, group) -> {
                            Optional<Ratio> sync = pair(index, group, "DIRECT", StrategyTable.RAW);
                            Optional<Ratio> async = pair(index, group, "SHARED_LOOP", RAW_ASYNC);
                            Optional<Ratio> noHop = pair(index, group, NO_HOP, RAW_ASYNC);
                            if (sync.isEmpty() && async.isEmpty() && noHop.isEmpty()) {
                                return;
                            }
                            rows.append("| ").append(label(params));
                            rows.append(sync.map(Ratio::cells).orElse(" | — | — | —"));
                            rows.append(
                                    async.or(() -> noHop)
                                            .map(r -> " | " + StrategyTable.num(r.underP50()))
                                            .orElse(" | —"));
                            rows.append(async.map(Ratio::overCells).orElse(" | — | —"));
                            rows.append(noHop.map(Ratio::overCells).orElse(" | — | —"));
                            rows.append(" |\n");
                        });
        if (rows.length() == 0) {
            return "";
        }
        return "### What each path adds to the client under it (loopback, p50)\n\n"
                + "| setting | RAW_BLOCKING p50 µs | DIRECT p50 µs | DIRECT ÷ RAW_BLOCKING (95%"
                + " CI) | RAW_ASYNC p50 µs | SHARED_LOOP p50 µs | SHARED_LOOP ÷ RAW_ASYNC (95%"
                + " CI) | SHARED_LOOP_NO_HOP p50 µs | SHARED_LOOP_NO_HOP ÷ RAW_ASYNC (95% CI) |\n"
                + "|---|---:|---:|---|---:|---:|---|---:|---|\n"
                + rows
                + "\nRAW_ASYNC is the async transport's own future, joined: the floor SHARED_LOOP"
                + " stands on. SHARED_LOOP's caller, waiting in join(), runs the adapter's"
                + " continuation itself; SHARED_LOOP_NO_HOP runs it on the transport's own thread"
                + " (ContinuationExecutor.TRANSPORT_THREAD). Ratios"
                + " are of per-fork medians, each fork's from its own samples; the interval is a"
                + " bootstrap over forks.\n\n";
    }

    /**
     * One path's per-fork p50s over another's in the same setting.
     *
     * @param underP50 the mean of the lower path's per-fork p50s, µs
     * @param overP50 the same for the upper path, µs
     * @param ratio the ratio with its interval, as shown
     */
    private record Ratio(double underP50, double overP50, String ratio) {

        /** {@code | under | over | ratio}. */
        String cells() {
            return " | " + StrategyTable.num(underP50) + overCells();
        }

        /** {@code | over | ratio}. */
        String overCells() {
            return " | " + StrategyTable.num(overP50) + " | " + ratio;
        }
    }

    /** Path {@code over}'s p50 against path {@code under}'s, if both ran with samples. */
    private Optional<Ratio> pair(
            RunIndex index, List<Measurement> group, String over, String under) {
        Optional<Measurement> a = find(group, over);
        Optional<Measurement> b = find(group, under);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        double[] x = RunIndex.forkPercentiles(a.get(), 0.5);
        double[] y = RunIndex.forkPercentiles(b.get(), 0.5);
        if (x.length == 0 || y.length == 0) {
            return Optional.empty();
        }
        ConfidenceInterval ci = bootstrap.ratioOfMeans(x, y, index.paired(a.get(), b.get()));
        String ratio =
                ci.isDefined()
                        ? String.format(
                                Locale.ROOT,
                                "%.2fx [%.2f, %.2f]",
                                ci.point(),
                                ci.lower(),
                                ci.upper())
                        : String.format(Locale.ROOT, "%.2fx (no CI: 1 fork)", ci.point());
        return Optional.of(new Ratio(mean(y), mean(x), ratio));
    }

    private static Optional<Measurement> find(List<Measurement> group, String path) {
        return group.stream()
                .filter(m -> path.equals(m.id().params().get(StrategyTable.PATH)))
                .findFirst();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    static String label(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        params.forEach(
                (k, v) -> {
                    if (s.length() > 0) {
                        s.append(", ");
                    }
                    s.append(k).append('=').append(v);
                });
        return s.toString();
    }
}
