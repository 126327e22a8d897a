package dev.dualpath.conformance.report;

import dev.dualpath.conformance.result.ConformanceResult;
import dev.dualpath.conformance.result.PathResult;
import dev.dualpath.conformance.result.ScenarioResult;
import dev.dualpath.conformance.result.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code conformance.json}: scenario × path → verdict, outcomes and mismatches, plus totals. */
final class ConformanceJsonReport {

    /**
     * Bumped when a field changes meaning. 2: {@code status} (PASSED, DIVERGED, FAILED) replaces
     * {@code passed}; divergences are per cell ({@code excuse}, verdict STALE); {@code leaks}.
     */
    static final int FORMAT = 2;

    private ConformanceJsonReport() {}

    static Map<String, Object> of(ConformanceResult result, String generatedAt) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("plugin", result.plugin());
        root.put("generatedAt", generatedAt);
        root.put("wallMs", result.wall().toMillis());
        root.put("paths", result.paths());
        root.put("status", result.status().name());
        root.put("totals", totals(result));
        root.put("failuresByPath", result.failuresByPath());
        root.put("excusedByPath", result.excusedByPath());
        root.put("notBenchmarkable", result.refusalsByPath());
        root.put(
                "scenarios",
                result.scenarios().stream().map(ConformanceJsonReport::scenario).toList());
        return root;
    }

    private static Map<String, Object> totals(ConformanceResult result) {
        Map<String, Object> totals = new LinkedHashMap<>();
        for (String path : result.paths()) {
            Map<String, Object> t = new LinkedHashMap<>();
            for (Verdict v : Verdict.values()) {
                t.put(v.name().toLowerCase(Locale.ROOT), result.count(path, v));
            }
            totals.put(path, t);
        }
        Map<String, Object> agreement = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            agreement.put(v.name().toLowerCase(Locale.ROOT), result.agreementCount(v));
        }
        totals.put("allPathsAgree", agreement);
        return totals;
    }

    private static Map<String, Object> scenario(ScenarioResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.scenario().id());
        m.put("group", s.scenario().group());
        m.put("description", s.scenario().description());
        m.put("agreement", s.agreement().name());
        m.put("disagreements", s.disagreements());
        Map<String, Object> paths = new LinkedHashMap<>();
        s.paths().forEach(p -> paths.put(p.path(), path(p)));
        m.put("paths", paths);
        return m;
    }

    private static Map<String, Object> path(PathResult p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", p.verdict().name());
        if (!p.ran()) {
            m.put("skipReason", p.skipReason());
            return m;
        }
        m.put("serverRequests", p.serverRequests());
        m.put("wallMs", p.wall().toMillis());
        m.put("mismatches", p.mismatches());
        m.put("leaks", p.leaks());
        if (p.excuse() != null) {
            m.put("excuse", p.excuse());
        }
        List<Map<String, Object>> outcomes = OutcomeView.all(p.outcomes());
        m.put("outcomes", outcomes);
        return m;
    }
}
