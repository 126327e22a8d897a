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

    public ConformanceResult {
        paths = List.copyOf(paths);
        scenarios = List.copyOf(scenarios);
    }

    /**
     * For each path that failed anything, the ids of the scenarios it failed (declared divergences
     * excluded).
     */
    public Map<String, List<String>> failuresByPath() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String path : paths) {
            List<String> failed = new ArrayList<>();
            for (ScenarioResult s : scenarios) {
                s.path(path)
                        .filter(p -> p.verdict() == Verdict.FAIL)
                        .ifPresent(p -> failed.add(s.scenario().id()));
            }
            if (!failed.isEmpty()) {
                out.put(path, List.copyOf(failed));
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

    /** How many scenarios' agreement check came out as {@code verdict}. */
    public long agreementCount(Verdict verdict) {
        return scenarios.stream().filter(s -> s.agreement() == verdict).count();
    }

    /** Whether nothing failed (declared divergences and skips aside). */
    public boolean passed() {
        return scenarios.stream().noneMatch(ScenarioResult::failed);
    }
}
