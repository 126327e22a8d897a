package dev.dualpath.conformance.result;

import dev.dualpath.conformance.scenario.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * One scenario on every path of a plug-in.
 *
 * @param scenario the scenario
 * @param paths one result per path, in the plug-in's order
 * @param agreement PASS when every path that ran produced equal outcomes (or fewer than two ran),
 *     FAIL or DIVERGED otherwise, SKIPPED when no path ran
 * @param disagreements how the paths differ, empty when they agree
 * @param divergence the reason declared in the plug-in's expected-divergence list, or null
 */
public record ScenarioResult(
        Scenario scenario,
        List<PathResult> paths,
        Verdict agreement,
        List<String> disagreements,
        String divergence) {

    public ScenarioResult {
        paths = List.copyOf(paths);
        disagreements = List.copyOf(disagreements);
    }

    /** The result of the path named {@code path}, if the plug-in has one. */
    public Optional<PathResult> path(String path) {
        return paths.stream().filter(p -> p.path().equals(path)).findFirst();
    }

    /**
     * Whether a divergence was declared but nothing diverged: every path that ran matched and all
     * agreed. The entry is stale and should be removed; reported, never a failure.
     */
    public boolean staleDivergence() {
        return divergence != null
                && agreement != Verdict.DIVERGED
                && paths.stream().noneMatch(p -> p.verdict() == Verdict.DIVERGED);
    }

    /** Whether anything failed (a path, or the agreement) without a declared divergence. */
    public boolean failed() {
        return agreement == Verdict.FAIL
                || paths.stream().anyMatch(p -> p.verdict() == Verdict.FAIL);
    }
}
