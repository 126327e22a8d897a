package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.machine.DisturbanceRule;
import dev.dualpath.bench.verdict.machine.RunDisturbance;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The series whose figures above rest on a fork measured on a disturbed machine or while its JIT
 * was still compiling ({@link RunDisturbance}, {@link DisturbanceRule#DEFAULT}): the tables keep
 * every fork, so that a reader sees the run as it was; the gate and the claims keep only the
 * verdicts these forks cannot have produced, and this section says which they are and why.
 */
final class FlaggedForksTable {

    /** The section, or "" when no fork is flagged (or the run recorded nothing to judge by). */
    String markdown(RunIndex index) {
        RunDisturbance flagged = RunDisturbance.of(index.run(), DisturbanceRule.DEFAULT);
        if (flagged.isEmpty()) {
            return "";
        }
        StringBuilder md =
                new StringBuilder("### Forks measured disturbed or still warming up\n\n");
        md.append("| series | forks (1-based) | why |\n|---|---|---|\n");
        for (Map.Entry<BenchmarkId, String> e : flagged.reasons().entrySet()) {
            md.append("| ")
                    .append(e.getKey().display())
                    .append(" | ")
                    .append(
                            flagged.disturbedForks(e.getKey()).stream()
                                    .map(i -> Integer.toString(i + 1))
                                    .collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(e.getValue())
                    .append(" |\n");
        }
        md.append(
                "\n"
                    + "The tables above include these forks, except the strategy table's overheads"
                    + " marked ‡, which set them aside where few enough are. A disturbance only"
                    + " adds time, so the gate keeps only a verdict these forks cannot have"
                    + " produced, and a claim sets them aside when it has enough forks, else keeps"
                    + " only a verdict that holds for any time they could have measured alone; each"
                    + " says so. A fork still warming up needs a longer warm-up for its series"
                    + " (`run --min-warmup N`, or a `WarmupRule` in its plan); a disturbed one, a"
                    + " quieter machine.\n\n");
        return md.toString();
    }
}
