package dev.dualpath.conformance.result;

import dev.dualpath.conformance.scenario.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * One scenario on every path of a plug-in.
 *
 * @param scenario the scenario
 * @param paths one result per path, in the plug-in's order
 * @param agreement PASS when every path that ran produced equal outcomes (or fewer than two ran);
 *     FAIL when a path without a declared divergence disagrees with the others; DIVERGED when only
 *     paths with a declared divergence do; SKIPPED when no path ran
 * @param disagreements how the paths differ from the reference (the largest group of paths that
 *     agree), empty when they all agree
 */
public record ScenarioResult(
        Scenario scenario, List<PathResult> paths, Verdict agreement, List<String> disagreements) {

    public ScenarioResult {
        paths = List.copyOf(paths);
        disagreements = List.copyOf(disagreements);
    }

    /** The result of the path named {@code path}, if the plug-in has one. */
    public Optional<PathResult> path(String path) {
        return paths.stream().filter(p -> p.path().equals(path)).findFirst();
    }

    /** Whether anything failed the suite: a path (FAIL or STALE), or the agreement. */
    public boolean failed() {
        return agreement.isFailure() || paths.stream().anyMatch(p -> p.verdict().isFailure());
    }

    /** Whether a path's departure was excused by a declared divergence. */
    public boolean excused() {
        return agreement == Verdict.DIVERGED
                || paths.stream().anyMatch(p -> p.verdict() == Verdict.DIVERGED);
    }
}
