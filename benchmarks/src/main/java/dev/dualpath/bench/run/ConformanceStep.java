package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.RefusedPaths;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.conformance.result.ConformanceResult;
import dev.dualpath.conformance.result.Verdict;
import dev.dualpath.conformance.runner.ConformanceGate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The main job's first step: run the whole conformance catalogue on every path, and refuse to
 * benchmark a strategy that failed any scenario — what is measured must be what was proven equal.
 *
 * <p>Conformance paths are {@code transport/STRATEGY} (e.g. {@code apache/DIRECT}) or {@code
 * transport/invokeSync|invoke}. A failure on any transport refuses the strategy everywhere (the
 * in-memory tier included): conservative, and a failing path is a bug to fix before any number
 * about it means anything. {@code invokeSync} is {@code DIRECT}'s core; {@code invoke} is {@code
 * SHARED_LOOP}'s; {@code invokeBatchSync} and {@code invokeBatch} are the batch benchmark's {@code
 * BATCH_SYNC} and {@code BATCH_ASYNC} modes. A cell excused by a known-failure entry refuses its
 * path too (an excused cell is still a departure), and so does a stale entry; each refusal line
 * says which scenario and why.
 */
public final class ConformanceStep {

    private ConformanceStep() {}

    /**
     * Runs the catalogue, writes {@code conformance.json} and {@code conformance.md} into {@code
     * runDir}, prints a summary and one line per refused path, and records the refused benchmark
     * paths with their reasons in {@code refused.json} ({@link RefusedPaths}), where the claims
     * step finds why a claim on such a path has no figure.
     *
     * @return the benchmark path names ({@code BenchPath} constants) that must not be benchmarked
     */
    public static Set<String> run(Path runDir, PrintStream out) {
        out.println("conformance: every scenario on every path (about a minute) ...");
        ConformanceGate.Result gate = ConformanceGate.run(runDir);
        ConformanceResult r = gate.result();
        out.printf(
                Locale.ROOT,
                "conformance: %s, %d scenarios x %d paths: %d pass, %d fail, %d excused,"
                        + " %d stale entries, %d skipped (%s)%n",
                r.status(),
                r.scenarios().size(),
                r.paths().size(),
                r.count(Verdict.PASS),
                r.count(Verdict.FAIL),
                r.count(Verdict.DIVERGED),
                r.count(Verdict.STALE),
                r.count(Verdict.SKIPPED),
                gate.reportDir().resolve("conformance.md"));
        Map<String, List<String>> refusals = new LinkedHashMap<>(gate.refusalsByPath());
        refusals.forEach(
                (path, why) ->
                        out.println(
                                "refusing to benchmark " + path + ": " + String.join("; ", why)));
        Map<String, String> reasons = new TreeMap<>();
        refusals.forEach(
                (path, why) ->
                        refused(Set.of(path))
                                .forEach(
                                        bench ->
                                                reasons.merge(
                                                        bench,
                                                        path + ": " + String.join("; ", why),
                                                        (a, b) -> a + "; " + b)));
        try {
            new RefusedPaths(reasons).write(runDir.resolve(RunFolder.REFUSED_JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return refused(refusals.keySet());
    }

    /** The benchmark paths a set of refused conformance paths rules out. */
    static Set<String> refused(Set<String> refusedPaths) {
        Set<String> out = new TreeSet<>();
        for (String path : refusedPaths) {
            String strategy = path.substring(path.indexOf('/') + 1);
            switch (strategy) {
                case "invokeSync" -> out.add("DIRECT");
                case "invoke" -> out.add("SHARED_LOOP");
                case "invokeBatchSync" -> out.add("BATCH_SYNC");
                case "invokeBatch" -> out.add("BATCH_ASYNC");
                default -> out.add(strategy);
            }
        }
        return out;
    }

    /** The parameters whose values name what a conformance path proved: strategies, modes. */
    private static final List<String> PROVEN_PARAMS = List.of("path", "mode");

    /**
     * {@code plans} without the refused paths: a plan's {@code path} (or the batch benchmark's
     * {@code mode}) list is filtered (its benchmark's declared values when the plan lists none); a
     * plan left with no value is dropped.
     */
    public static List<Plan> without(List<Plan> plans, Set<String> refused) {
        if (refused.isEmpty()) {
            return plans;
        }
        List<Plan> kept = new ArrayList<>();
        for (Plan plan : plans) {
            Plan left = plan;
            for (String param : PROVEN_PARAMS) {
                left = left == null ? null : without(left, param, refused);
            }
            if (left != null) {
                kept.add(left);
            }
        }
        return kept;
    }

    /** {@code plan} with {@code param}'s refused values removed, or null when none is left. */
    private static Plan without(Plan plan, String param, Set<String> refused) {
        List<String> values = DeclaredBenchmarks.values(plan, param);
        if (values.isEmpty()) {
            return plan; // this benchmark has no such parameter
        }
        List<String> left = values.stream().filter(v -> !refused.contains(v)).toList();
        if (left.isEmpty()) {
            return null;
        }
        Map<String, List<String>> params = new LinkedHashMap<>(plan.params());
        params.put(param, left);
        return plan.withParams(params);
    }
}
