package dev.dualpath.conformance.result;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plug-in's run over (part of) the catalogue: scenario × path → outcome.
 *
 * @param plugin the plug-in's name
 * @param paths the path names, in column order
 * @param scenarios one result per scenario, in catalogue order
 * @param wall how long the run took
 */
public record ConformanceResult(
        String plugin, List<String> paths, List<ScenarioResult> scenarios, Duration wall) {

    /** What a run comes to, as its report's first word says it. */
    public enum Status {
        /** Every cell passed or was skipped, and every scenario's paths agree. */
        PASSED,
        /**
         * Nothing failed, but some cells depart as the plug-in's divergence list declares: never
         * reported as passed.
         */
        DIVERGED,
        /** A cell failed, a divergence entry is stale, or paths disagree undeclared. */
        FAILED
    }

    public ConformanceResult {
        paths = List.copyOf(paths);
        scenarios = List.copyOf(scenarios);
    }

    /**
     * For each path with a failed or stale cell, the ids of those scenarios (excused cells not
     * included: see {@link #refusalsByPath()}).
     */
    public Map<String, List<String>> failuresByPath() {
        return byPath(v -> v.isFailure());
    }

    /** For each path with an excused (DIVERGED) cell, the ids of those scenarios. */
    public Map<String, List<String>> excusedByPath() {
        return byPath(v -> v == Verdict.DIVERGED);
    }

    /**
     * Why each path must not be benchmarked: one line per cell that is not PASS or SKIPPED, e.g.
     * {@code failed slow-body-dribble}, {@code excused parallel-100-mixed (why)}, {@code stale
     * entry for 408-then-success}; paths with nothing to say are absent.
     */
    public Map<String, List<String>> refusalsByPath() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String path : paths) {
            List<String> why = new ArrayList<>();
            for (ScenarioResult s : scenarios) {
                s.path(path)
                        .filter(p -> !p.verdict().allowsBenchmarking())
                        .ifPresent(p -> why.add(refusal(s.scenario().id(), p)));
            }
            if (!why.isEmpty()) {
                out.put(path, List.copyOf(why));
            }
        }
        return out;
    }

    private static String refusal(String id, PathResult p) {
        return switch (p.verdict()) {
            case DIVERGED -> "excused " + id + " (" + p.excuse() + ")";
            case STALE -> "stale divergence entry for " + id;
            default -> "failed " + id;
        };
    }

    private Map<String, List<String>> byPath(java.util.function.Predicate<Verdict> which) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String path : paths) {
            List<String> ids = new ArrayList<>();
            for (ScenarioResult s : scenarios) {
                s.path(path)
                        .filter(p -> which.test(p.verdict()))
                        .ifPresent(p -> ids.add(s.scenario().id()));
            }
            if (!ids.isEmpty()) {
                out.put(path, List.copyOf(ids));
            }
        }
        return out;
    }

    /** How many cells of {@code path} have {@code verdict}. */
    public long count(String path, Verdict verdict) {
        return scenarios.stream()
                .flatMap(s -> s.path(path).stream())
                .filter(p -> p.verdict() == verdict)
                .count();
    }

    /** How many cells of every path have {@code verdict}. */
    public long count(Verdict verdict) {
        return paths.stream().mapToLong(p -> count(p, verdict)).sum();
    }

    /** How many scenarios' agreement check came out as {@code verdict}. */
    public long agreementCount(Verdict verdict) {
        return scenarios.stream().filter(s -> s.agreement() == verdict).count();
    }

    /** PASSED only when no cell failed, was stale or was excused. */
    public Status status() {
        if (scenarios.stream().anyMatch(ScenarioResult::failed)) {
            return Status.FAILED;
        }
        return scenarios.stream().anyMatch(ScenarioResult::excused)
                ? Status.DIVERGED
                : Status.PASSED;
    }
}
