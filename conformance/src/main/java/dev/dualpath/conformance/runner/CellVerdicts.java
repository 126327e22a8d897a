package dev.dualpath.conformance.runner;

import dev.dualpath.conformance.result.PathResult;
import dev.dualpath.conformance.result.ScenarioResult;
import dev.dualpath.conformance.result.Verdict;
import dev.dualpath.conformance.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one scenario's raw path results (each checked against its expectation only) into final
 * verdicts: compares the paths with each other and applies the plug-in's declared divergences, cell
 * by cell.
 *
 * <ul>
 *   <li>The reference is the largest group of paths with equal outcomes and server request counts,
 *       chosen among the paths without a declared divergence (among all that ran when every path
 *       has one); ties go to the group of the earliest path.
 *   <li>A path without a declared divergence fails if it missed its expectation or is outside the
 *       reference group (its mismatches then say how it differs).
 *   <li>A path with a declared divergence that missed its expectation or is outside the group is
 *       excused ({@link Verdict#DIVERGED}); one that matched and agreed is {@link Verdict#STALE}:
 *       the entry no longer describes the path and fails the suite — unless the entry is
 *       intermittent (a race inside the client a run may not hit): then the cell passes. An entry
 *       for a path that skips the scenario is stale too: there is nothing to excuse.
 *   <li>Agreement: FAIL if a path without a declared divergence disagrees, else DIVERGED if a path
 *       with one does, else PASS (SKIPPED when no path ran).
 * </ul>
 */
final class CellVerdicts {

    private CellVerdicts() {}

    static ScenarioResult judge(
            Scenario scenario, List<PathResult> raw, ExpectedDivergences divergences) {
        String id = scenario.id();
        List<PathResult> ran = raw.stream().filter(PathResult::ran).toList();
        List<PathResult> candidates =
                ran.stream().filter(p -> divergences.entry(id, p.path()).isEmpty()).toList();
        List<PathResult> reference = largestGroup(candidates.isEmpty() ? ran : candidates);
        PathResult ref = reference.isEmpty() ? null : reference.get(0);
        List<String> disagreements = new ArrayList<>();
        List<PathResult> judged = new ArrayList<>();
        boolean undeclaredDisagreement = false;
        boolean declaredDisagreement = false;
        for (PathResult p : raw) {
            Optional<ExpectedDivergences.Entry> entry = divergences.entry(id, p.path());
            if (!p.ran()) {
                judged.add(
                        entry.isPresent() ? p.withVerdict(Verdict.STALE, excuse(entry.get())) : p);
                continue;
            }
            List<String> differences =
                    ref == null || inGroup(reference, p) ? List.of() : differences(ref, p);
            differences.forEach(d -> disagreements.add(p.path() + " vs " + ref.path() + ": " + d));
            boolean departs = p.verdict() == Verdict.FAIL || !differences.isEmpty();
            PathResult withDifferences =
                    p.withMoreMismatches(
                            differences.stream()
                                    .map(
                                            d ->
                                                    "disagrees with "
                                                            + ref.path()
                                                            + " (one of "
                                                            + reference.size()
                                                            + " paths that agree): "
                                                            + d)
                                    .toList());
            if (entry.isPresent()) {
                declaredDisagreement |= !differences.isEmpty();
                if (!departs && entry.get().intermittent()) {
                    judged.add(p);
                } else {
                    judged.add(
                            withDifferences.withVerdict(
                                    departs ? Verdict.DIVERGED : Verdict.STALE,
                                    excuse(entry.get())));
                }
            } else {
                undeclaredDisagreement |= !differences.isEmpty();
                judged.add(departs ? withDifferences.withVerdict(Verdict.FAIL, null) : p);
            }
        }
        Verdict agreement =
                ran.isEmpty()
                        ? Verdict.SKIPPED
                        : undeclaredDisagreement
                                ? Verdict.FAIL
                                : declaredDisagreement ? Verdict.DIVERGED : Verdict.PASS;
        return new ScenarioResult(scenario, judged, agreement, disagreements);
    }

    /** {@code observed — reason}, as the report shows an excuse. */
    static String excuse(ExpectedDivergences.Entry entry) {
        return entry.observed() + " — " + entry.reason();
    }

    /** How {@code other} differs from {@code reference}: outcomes, then server request counts. */
    static List<String> differences(PathResult reference, PathResult other) {
        List<String> out =
                new ArrayList<>(OutcomeDiff.describe(reference.outcomes(), other.outcomes()));
        if (reference.serverRequests() != other.serverRequests()) {
            out.add(
                    "serverRequests: "
                            + reference.serverRequests()
                            + " vs "
                            + other.serverRequests());
        }
        return out;
    }

    private static boolean inGroup(List<PathResult> group, PathResult p) {
        return group.stream().anyMatch(g -> g.path().equals(p.path()));
    }

    /** The largest set of paths that agree with each other; ties to the earliest. Empty if none. */
    private static List<PathResult> largestGroup(List<PathResult> paths) {
        List<List<PathResult>> groups = new ArrayList<>();
        for (PathResult p : paths) {
            List<PathResult> home = null;
            for (List<PathResult> g : groups) {
                if (differences(g.get(0), p).isEmpty()) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(p);
        }
        List<PathResult> best = List.of();
        for (List<PathResult> g : groups) {
            if (g.size() > best.size()) {
                best = g;
            }
        }
        return best;
    }
}
