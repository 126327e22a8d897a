package dev.dualpath.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.report.ConformanceReportWriter;
import dev.dualpath.conformance.result.ConformanceResult;
import dev.dualpath.conformance.result.PathResult;
import dev.dualpath.conformance.result.ScenarioResult;
import dev.dualpath.conformance.result.Verdict;
import dev.dualpath.conformance.scenario.Scenario;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The TCK: extend it, return your {@link ConformancePlugin}, and JUnit 5 runs the whole scenario
 * catalogue on every path of it — one container per scenario, one test per path (does it match the
 * expected outcome and agree with the other paths?) plus one "all paths agree" test. A skipped cell
 * is reported as aborted with its reason. A cell that departs is a failure unless the plug-in's
 * divergence file ({@link #divergences()}) declares that cell (scenario × path): it is then aborted
 * as excused, with what was observed; a declared cell that no longer departs fails as stale. An
 * undeclared departure's failure prints the entry that would declare it. After each scenario on
 * each path the runner checks that the closed client left no thread or connection behind; after the
 * last scenario the suite writes {@code conformance.json} and {@code conformance.md} to {@link
 * #reportDirectory()} and checks the same for the whole suite. No allowance for leaks.
 *
 * <pre>{@code
 * class MyClientConformanceTest extends ConformanceSuite {
 *     @Override protected ConformancePlugin plugin() { return new MyClientPlugin(); }
 * }
 * }</pre>
 *
 * <p>Each scenario runs on all paths when its first test executes, bounded by {@code
 * assertTimeoutPreemptively} on top of the runner's own per-call bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceSuite {

    /** How long the leak check waits for threads to end and sockets to close after the suite. */
    protected static final Duration LEAK_BOUND = Duration.ofSeconds(30);

    private final Map<String, ScenarioResult> results = new LinkedHashMap<>();
    private ConformancePlugin plugin;
    private ExpectedDivergences divergences;
    private String pluginName;
    private FakeProvider fake;
    private ConformanceRunner runner;
    private LiveThreads baseline;
    private long startNanos;

    /** The client under test. Called once per suite. */
    protected abstract ConformancePlugin plugin();

    /**
     * The cells where the plug-in is known to depart from the expected outcome; none by default.
     * For a third-party client only, each entry proven to be that client's own behaviour: a bug of
     * the client under repair is a failure to fix, not an entry.
     */
    protected ExpectedDivergences divergences() {
        return ExpectedDivergences.NONE;
    }

    /** The scenarios to run; the whole catalogue by default. */
    protected List<Scenario> scenarios(ScenarioCatalog catalog) {
        return catalog.all();
    }

    /** Where the reports go; {@code target/conformance/<plug-in name>} by default. */
    protected Path reportDirectory() {
        return Path.of("target", "conformance", pluginName);
    }

    @BeforeAll
    void startSuite() {
        plugin = plugin();
        pluginName = plugin.name();
        divergences = divergences();
        fake = FakeProvider.start(FakeProvider.Options.test());
        runner = new ConformanceRunner(plugin, fake, ScenarioCatalog.load(), divergences);
        runner.warmUp();
        baseline = LiveThreads.snapshot();
        startNanos = System.nanoTime();
    }

    @TestFactory
    Stream<DynamicNode> catalogue() {
        ScenarioCatalog catalog = ScenarioCatalog.load();
        return scenarios(catalog).stream().map(this::container);
    }

    private DynamicNode container(Scenario scenario) {
        List<DynamicNode> tests = new ArrayList<>();
        for (String path : runner.pathNames()) {
            tests.add(DynamicTest.dynamicTest(path, () -> checkPath(result(scenario), path)));
        }
        tests.add(
                DynamicTest.dynamicTest("all paths agree", () -> checkAgreement(result(scenario))));
        return DynamicContainer.dynamicContainer(
                scenario.path() + ": " + scenario.description(), tests);
    }

    private ScenarioResult result(Scenario scenario) {
        ScenarioResult done = results.get(scenario.id());
        if (done != null) {
            return done;
        }
        Duration bound =
                PathRun.bound(scenario).multipliedBy(runner.pathNames().size()).plusSeconds(30);
        ScenarioResult r =
                assertTimeoutPreemptively(
                        bound,
                        () -> runner.run(scenario),
                        () ->
                                scenario.id()
                                        + " did not finish on all paths within "
                                        + bound.toSeconds()
                                        + " s");
        results.put(scenario.id(), r);
        return r;
    }

    private void checkPath(ScenarioResult r, String path) {
        PathResult p = r.path(path).orElseThrow();
        String id = r.scenario().id();
        switch (p.verdict()) {
            case SKIPPED -> Assumptions.abort("skipped: " + p.skipReason());
            case DIVERGED ->
                    Assumptions.abort(
                            "excused by "
                                    + divergences.resource()
                                    + " ("
                                    + p.excuse()
                                    + "); observed: "
                                    + String.join("; ", p.mismatches()));
            case STALE ->
                    fail(
                            id
                                    + " on "
                                    + path
                                    + ": matches its expectation and agrees with the other paths,"
                                    + " yet "
                                    + divergences.resource()
                                    + " declares a divergence for it ("
                                    + p.excuse()
                                    + "). The entry is stale: remove "
                                    + path
                                    + " from it.");
            case FAIL ->
                    fail(
                            id
                                    + " on "
                                    + path
                                    + ":\n  "
                                    + String.join("\n  ", p.mismatches())
                                    + undeclared(id, List.of(path), p.mismatches()));
            case PASS -> {
                // nothing to report
            }
        }
    }

    private void checkAgreement(ScenarioResult r) {
        switch (r.agreement()) {
            case SKIPPED -> Assumptions.abort("no path ran this scenario");
            case DIVERGED ->
                    Assumptions.abort(
                            "the paths disagree only where "
                                    + divergences.resource()
                                    + " declares it: "
                                    + String.join("; ", r.disagreements()));
            case FAIL -> {
                List<String> failing =
                        r.paths().stream()
                                .filter(p -> p.verdict() == Verdict.FAIL)
                                .map(PathResult::path)
                                .toList();
                fail(
                        r.scenario().id()
                                + ": the paths disagree:\n  "
                                + String.join("\n  ", r.disagreements())
                                + undeclared(r.scenario().id(), failing, r.disagreements()));
            }
            case PASS, STALE -> {
                // nothing to report: a stale entry fails on its own path
            }
        }
    }

    private String undeclared(String id, List<String> paths, List<String> observed) {
        return divergences.howToDeclare(pluginName, id, paths, observed);
    }

    @AfterAll
    void finishSuite() {
        try {
            if (runner != null) {
                ConformanceResult result =
                        runner.result(
                                new ArrayList<>(results.values()),
                                Duration.ofNanos(System.nanoTime() - startNanos));
                ConformanceReportWriter.write(result, reportDirectory());
            }
            if (fake != null) {
                checkNoLeaks();
            }
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    /**
     * The suite-wide leak check: after every client was closed, no thread started during the suite
     * is alive (the fake's, the JVM's and the library's JVM-wide threads aside) and no connection
     * to the fake provider is open. No allowance: a client must end what it started when it is
     * closed. Each scenario on each path was already checked on its own ({@link
     * PathResult#leaks()}).
     */
    private void checkNoLeaks() {
        int port = fake.wireMockBaseUrl().getPort();
        java.util.function.Predicate<Thread> notTheClients =
                LiveThreads.NOT_THE_CLIENTS.or(plugin.sharedThreads());
        LeakCheck.await(
                () ->
                        LiveThreads.newSince(baseline, notTheClients).isEmpty()
                                && OpenConnections.toPort(port).orElse(0) == 0,
                LEAK_BOUND);
        List<String> leaked = LiveThreads.newSince(baseline, notTheClients);
        int open = OpenConnections.toPort(port).orElse(0);
        long cellsWithLeaks =
                results.values().stream()
                        .flatMap(s -> s.paths().stream())
                        .filter(p -> !p.leaks().isEmpty())
                        .count();
        System.out.println(
                "[conformance] "
                        + pluginName
                        + " leak check: "
                        + cellsWithLeaks
                        + " cells left something behind once closed; after the suite "
                        + leaked.size()
                        + " new threads, "
                        + open
                        + " open connections to the fake provider");
        if (!leaked.isEmpty() || open > 0) {
            fail(
                    "the suite leaked: new threads "
                            + leaked
                            + ", open connections to the fake provider "
                            + open);
        }
    }
}
