package dev.dualpath.bench.power;

import dev.dualpath.bench.compare.CompareSession;
import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.sequential.SeriesOutcome;
import dev.dualpath.bench.verdict.stats.Wilson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code power.md}: the detection and false-alarm rates of {@code compare} on this machine. */
public final class PowerReport {

    private PowerReport() {}

    /** The Markdown for a header and the conditions measured so far. */
    public static String markdown(Map<String, String> header, List<ConditionResult> results) {
        StringBuilder md = new StringBuilder("# Power of `dualpath compare` on this machine\n\n");
        md.append("| | |\n|---|---|\n");
        header.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append(
                "\n| Condition | Head's knob | Change the pool measured [95 % CI] | Pool blocks"
                        + " (disturbed) | Trials | FAIL | PASS |"
                        + " INCONCLUSIVE | FAIL rate [95 % Wilson] | Blocks to a decision, median"
                        + " (forks) | Minutes, median [max] | End-to-end compare runs |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---|---|---|---|\n");
        for (ConditionResult r : results) {
            List<Trial> t = r.trials();
            int fails =
                    (int)
                            t.stream()
                                    .filter(
                                            x ->
                                                    r.condition().isAa()
                                                            ? x.anyFail()
                                                            : x.verdict() == GateVerdict.FAIL)
                                    .count();
            long pass = t.stream().filter(x -> x.verdict() == GateVerdict.PASS).count();
            long inc = t.stream().filter(x -> x.verdict() == GateVerdict.INCONCLUSIVE).count();
            String rate = t.isEmpty() ? "n/a" : rate(Wilson.of(fails, t.size(), 0.95));
            double[] blocks = t.stream().mapToDouble(Trial::blocks).sorted().toArray();
            double[] minutes = t.stream().mapToDouble(x -> x.seconds() / 60).sorted().toArray();
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %d (%d) | %d | %d | %d | %d | %s | %s | %s | %s |%n",
                            r.condition().name(),
                            r.knob().isEmpty() ? "none" : String.join(" ", r.knob()),
                            change(r.measured()),
                            r.poolBlocks(),
                            r.poolDisturbed(),
                            t.size(),
                            fails,
                            pass,
                            inc,
                            rate,
                            blocks.length == 0
                                    ? "n/a"
                                    : String.format(
                                            Locale.ROOT,
                                            "%.0f (%.0f)",
                                            median(blocks),
                                            4 * median(blocks)),
                            minutes.length == 0
                                    ? "n/a"
                                    : String.format(
                                            Locale.ROOT,
                                            "%.1f [%.1f]",
                                            median(minutes),
                                            minutes[minutes.length - 1]),
                            endToEnd(r)));
        }
        md.append(
                "\nFAIL for A/A counts a FAIL of any gated metric (a false alarm); for the other"
                        + " conditions, a FAIL of the changed metric. A trial is a `compare`"
                        + " session (its budget, its early retirement of a series that needs far"
                        + " more blocks than the budget has left, its stop when every metric is"
                        + " decided) over the condition's pool of real interleaved forks,"
                        + " replayed in a random order (no block twice in a trial); blocks to a"
                        + " decision count until the condition's metric was decided, or until"
                        + " the trial ended. The measured change is the pool's own: a time knob"
                        + " (slowdownFraction) stretches the head's calls by that fraction of"
                        + " their own time (timed in windows of 16 calls), less its calibrated"
                        + " fixed cost, so"
                        + " the pool should measure the fraction within its interval (runs"
                        + " recorded with extraDelayNanos spun a fixed time sized from the"
                        + " base, which came out 1.3x to 2x the fraction). Trials"
                        + " share the pool, so they are not"
                        + " independent and the Wilson interval is a guide. The end-to-end runs"
                        + " are whole `compare` sessions, each with fresh forks. Minutes count"
                        + " the measured forks' wall time, JVM start-up included.\n");
        return md.toString();
    }

    private static String change(PoolChange c) {
        if (Double.isNaN(c.estimate())) return "n/a";
        return String.format(
                Locale.ROOT,
                "%+.1f %% [%+.1f %%, %+.1f %%]",
                100 * c.estimate(),
                100 * c.lower(),
                100 * c.upper());
    }

    private static String endToEnd(ConditionResult r) {
        if (r.endToEnd().isEmpty()) return "none";
        return r.endToEnd().stream()
                .map(
                        o ->
                                verdict(o, r.condition())
                                        + String.format(
                                                Locale.ROOT, " %.1f min", o.elapsedSeconds() / 60))
                .collect(Collectors.joining("; "));
    }

    static String verdict(CompareSession.Outcome o, Condition c) {
        List<SeriesOutcome.MetricOutcome> ms = o.series().get(0).metrics();
        if (c.isAa()) {
            return ms.stream().anyMatch(m -> m.verdict() == GateVerdict.FAIL)
                    ? "FAIL"
                    : ms.stream()
                            .filter(m -> m.spec().name().equals(c.metric()))
                            .findFirst()
                            .map(m -> m.verdict().name())
                            .orElse("n/a");
        }
        return ms.stream()
                .filter(m -> m.spec().name().equals(c.metric()))
                .findFirst()
                .map(m -> m.verdict().name())
                .orElse("n/a");
    }

    private static String rate(Wilson w) {
        return String.format(
                Locale.ROOT,
                "%d/%d = %.0f %% [%.0f %%, %.0f %%]",
                w.successes(),
                w.trials(),
                w.rate() * 100,
                w.lower() * 100,
                w.upper() * 100);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
