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
     * @throws IllegalArgumentException if the plug-in has no path or two paths share a name, or a
     *     declared divergence names a scenario or path that does not exist
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
        this.pathRun =
                new PathRun(
                        Objects.requireNonNull(fake, "fake"),
                        catalog,
                        LiveThreads.NOT_THE_CLIENTS.or(plugin.sharedThreads()));
        this.paths = List.copyOf(plugin.paths());
        divergences.requireKnown(
                catalog.all().stream().map(Scenario::id).toList(),
                paths.stream().map(PathUnderTest::name).toList());
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

    /**
     * Runs one scenario on every path, then compares the paths and applies the declared divergences
     * cell by cell ({@link CellVerdicts}).
     */
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
        return CellVerdicts.judge(scenario, results, divergences);
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
                    List.of(),
                    null,
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
}
