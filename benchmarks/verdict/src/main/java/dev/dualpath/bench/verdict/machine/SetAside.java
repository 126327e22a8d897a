package dev.dualpath.bench.verdict.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Sets aside the forks of a claim (or of any comparison of a few series) that were measured on a
 * disturbed machine ({@link RunDisturbance}), when few enough of them are that the rest can carry
 * it: at most a quarter of each quantity's forks, with at least 3 left. Forks paired by round leave
 * together — a round with one disturbed fork is set aside whole, so that every remaining round
 * still pairs. Otherwise nothing is set aside, and a claim keeps only a verdict that holds whatever
 * those forks would have measured alone (the claims' {@code DisturbanceBounds}), or none.
 *
 * <p>Why not always refuse: with 15 or more forks, one fork beside a passing process made a whole
 * run's claims unjudgeable, although the other 14 rounds were measured on a quiet machine. The rule
 * is the machine's (its disturbance thresholds), never the values, and the claim's note says what
 * was set aside, so nothing is dropped silently. With the quick profile's 3 forks one disturbed
 * fork is a third of them, so nothing is set aside there.
 */
public final class SetAside {

    /**
     * The groups without the disturbed forks, and what was set aside.
     *
     * @param groups each quantity's units, those set aside removed
     * @param note what was set aside, for the reader; empty when nothing was
     */
    public record Result(List<double[]> groups, String note) {}

    private SetAside() {}

    /**
     * The groups without their disturbed forks (or rounds), if the rule allows it.
     *
     * @param groups each quantity's units, in fork order
     * @param disturbed per quantity, the indices of its forks measured on a disturbed machine
     * @param paired whether unit i of every group ran in round i
     * @return the groups to judge on, or empty when too many forks are disturbed
     */
    public static Optional<Result> apply(
            List<double[]> groups, List<Set<Integer>> disturbed, boolean paired) {
        if (paired) {
            Set<Integer> rounds = new TreeSet<>();
            disturbed.forEach(rounds::addAll);
            int n = groups.get(0).length;
            if (!acceptable(rounds.size(), n)) return Optional.empty();
            List<double[]> out = new ArrayList<>();
            for (double[] g : groups) out.add(without(g, rounds));
            String note =
                    String.format(
                            Locale.ROOT,
                            "judged on %d of %d rounds: round%s %s set aside (a fork in it measured"
                                    + " on a disturbed machine)",
                            n - rounds.size(),
                            n,
                            rounds.size() == 1 ? "" : "s",
                            rounds.stream()
                                    .map(i -> String.valueOf(i + 1))
                                    .collect(Collectors.joining(", ")));
            return Optional.of(new Result(out, note));
        }
        List<double[]> out = new ArrayList<>();
        int setAside = 0;
        for (int q = 0; q < groups.size(); q++) {
            Set<Integer> mine = disturbed.get(q);
            if (!acceptable(mine.size(), groups.get(q).length)) return Optional.empty();
            out.add(without(groups.get(q), mine));
            setAside += mine.size();
        }
        return Optional.of(
                new Result(
                        out,
                        "judged without "
                                + setAside
                                + " fork"
                                + (setAside == 1 ? "" : "s")
                                + " measured on a disturbed machine"));
    }

    private static boolean acceptable(int disturbed, int units) {
        return 4 * disturbed <= units && units - disturbed >= 3;
    }

    /**
     * {@code units} without those at {@code indices} (0-based), in their order; the rule above is
     * the caller's to apply.
     *
     * @param units one quantity's units, in fork order
     * @param indices the forks to leave out; indices past the end are ignored
     */
    public static double[] without(double[] units, Set<Integer> indices) {
        return IntStream.range(0, units.length)
                .filter(i -> !indices.contains(i))
                .mapToDouble(i -> units[i])
                .toArray();
    }
}
