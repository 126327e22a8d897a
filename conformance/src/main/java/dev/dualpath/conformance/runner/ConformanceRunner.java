package dev.dualpath.conformance.runner;

import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.result.ConformanceResult;
import dev.dualpath.conformance.result.PathResult;
import dev.dualpath.conformance.result.ScenarioResult;
import dev.dualpath.conformance.result.Verdict;
import dev.dualpath.conformance.scenario.Action;
import dev.dualpath.conformance.scenario.Capability;
import dev.dualpath.conformance.scenario.Scenario;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import dev.dualpath.testkit.Normaliser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs scenarios on every path of a plug-in against one fake provider and compares: each path with
 * the scenario's expected outcome, and all paths with each other (through {@link Normaliser}).
 * Every call is bounded ({@link PathRun#bound}); a call past its bound fails, it never hangs.
 *
 * <pre>{@code
 * try (FakeProvider fake = FakeProvider.start(FakeProvider.Options.test())) {
 *     ConformanceRunner runner = new ConformanceRunner(new DualpathPlugin(), fake, ScenarioCatalog.load(),
 *             ExpectedDivergences.NONE);
 *     ConformanceResult result = runner.runAll();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: the fake plays one scenario at a time, so paths run one after another.
 */
public final class ConformanceRunner {

    private final ConformancePlugin plugin;
    private final ScenarioCatalog catalog;
    private final ExpectedDivergences divergences;
    private final PathRun pathRun;
    private final List<PathUnderTest> paths;

    /**
     * @throws IllegalArgumentException if the plug-in has no path or two paths share a name
     * @throws NullPointerException naming the argument
     */
    public ConformanceRunner(
            ConformancePlugin plugin,
            FakeProvider fake,
            ScenarioCatalog catalog,
            ExpectedDivergences divergences) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.divergences = Objects.requireNonNull(divergences, "divergences");
        this.pathRun = new PathRun(Objects.requireNonNull(fake, "fake"), catalog);
        this.paths = List.copyOf(plugin.paths());
        Set<String> names = new HashSet<>();
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("plug-in " + plugin.name() + " has no path");
        }
        paths.forEach(
                p -> {
                    if (!names.add(p.name())) {
                        throw new IllegalArgumentException(
                                "plug-in " + plugin.name() + " has two paths named " + p.name());
                    }
                });
    }

    /** The path names, in column order. */
    public List<String> pathNames() {
        return paths.stream().map(PathUnderTest::name).toList();
    }

    /**
     * Makes one successful call on every path and discards the results, so that class loading and a
     * cold WireMock (whose first request can take over half a second to reach its handlers) do not
     * land in the first scenario's timing-sensitive checks.
     */
    public void warmUp() {
        pathRun.warmUp(paths);
    }

    /** Runs every scenario of the catalogue. */
    public ConformanceResult runAll() {
        return run(catalog.all());
    }

    /** Runs {@code scenarios} in order. */
    public ConformanceResult run(List<Scenario> scenarios) {
        long start = System.nanoTime();
        warmUp();
        List<ScenarioResult> results = new ArrayList<>();
        scenarios.forEach(s -> results.add(run(s)));
        return result(results, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Builds a result from scenario results gathered elsewhere (e.g. one JUnit test at a time). */
    public ConformanceResult result(List<ScenarioResult> results, Duration wall) {
        return new ConformanceResult(plugin.name(), pathNames(), results, wall);
    }

    /** Runs one scenario on every path, then compares the paths. */
    public ScenarioResult run(Scenario scenario) {
        String missing = missingCapabilities(scenario);
        List<PathResult> results = new ArrayList<>();
        for (PathUnderTest path : paths) {
            String skip =
                    missing != null
                            ? missing
                            : scenario.batch() != null && !path.batches()
                                    ? "a batch scenario runs on the paths that send batches"
                                    : scenario.streamed() && path.batches()
                                            ? "a batch path sends whole calls; streamed scenarios"
                                                    + " run on the streaming paths"
                                            : actionSkip(scenario.action(), path);
            results.add(
                    skip != null ? PathResult.skipped(path.name(), skip) : runOne(scenario, path));
        }
        List<String> disagreements = disagreements(results);
        String reason = divergences.reason(scenario.id()).orElse(null);
        Verdict agreement =
                results.stream().noneMatch(PathResult::ran)
                        ? Verdict.SKIPPED
                        : disagreements.isEmpty()
                                ? Verdict.PASS
                                : reason != null ? Verdict.DIVERGED : Verdict.FAIL;
        if (reason != null) {
            results.replaceAll(
                    p -> p.verdict() == Verdict.FAIL ? p.withVerdict(Verdict.DIVERGED) : p);
        }
        return new ScenarioResult(scenario, results, agreement, disagreements, reason);
    }

    private PathResult runOne(Scenario scenario, PathUnderTest path) {
        try {
            return pathRun.run(scenario, path);
        } catch (RuntimeException e) {
            // A plug-in that cannot even build its client fails this cell, not the whole run.
            return new PathResult(
                    path.name(),
                    Verdict.FAIL,
                    null,
                    List.of(),
                    0,
                    List.of("the runner could not play the scenario on this path: " + e),
                    Duration.ZERO);
        }
    }

    private String missingCapabilities(Scenario scenario) {
        Set<Capability> needed = EnumSet.noneOf(Capability.class);
        needed.addAll(scenario.capabilities());
        if (scenario.run().isMix()) {
            catalog.mixMembers(scenario).forEach(m -> needed.addAll(m.capabilities()));
        }
        needed.removeAll(plugin.capabilities());
        return needed.isEmpty()
                ? null
                : "plug-in "
                        + plugin.name()
                        + " lacks capability "
                        + needed.stream()
                                .map(Capability::wireName)
                                .collect(Collectors.joining(", "));
    }

    private static String actionSkip(Action action, PathUnderTest path) {
        if (action == null) {
            return null;
        }
        if (action.kind() == Action.Kind.CANCEL && path.kind() != PathKind.FUTURE) {
            return "CANCEL needs a future to cancel; this path blocks (its INTERRUPT twin covers"
                    + " it)";
        }
        if (action.kind() == Action.Kind.INTERRUPT && path.kind() != PathKind.BLOCKING) {
            return "INTERRUPT needs a blocked caller; this path returns a future (its CANCEL twin"
                    + " covers it)";
        }
        return null;
    }

    /** Every path that ran against the first that ran: equal outcomes and server request counts. */
    private static List<String> disagreements(List<PathResult> results) {
        List<PathResult> ran = results.stream().filter(PathResult::ran).toList();
        List<String> out = new ArrayList<>();
        if (ran.size() < 2) {
            return out;
        }
        PathResult reference = ran.get(0);
        for (PathResult other : ran.subList(1, ran.size())) {
            List<String> diffs =
                    new ArrayList<>(OutcomeDiff.describe(reference.outcomes(), other.outcomes()));
            if (reference.serverRequests() != other.serverRequests()) {
                diffs.add(
                        "serverRequests: "
                                + reference.serverRequests()
                                + " vs "
                                + other.serverRequests());
            }
            diffs.forEach(d -> out.add(other.path() + " vs " + reference.path() + ": " + d));
        }
        return out;
    }
}
