package dev.dualpath.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.report.ConformanceReportWriter;
import dev.dualpath.conformance.result.ConformanceResult;
import dev.dualpath.conformance.result.PathResult;
import dev.dualpath.conformance.result.ScenarioResult;
import dev.dualpath.conformance.scenario.Scenario;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
 * expected outcome?) plus one "all paths agree" test. A skipped cell is reported as aborted with
 * its reason; a declared expected divergence ({@link #divergences()}) is aborted with the reason
 * and what was observed, never a failure. After the last scenario it writes {@code
 * conformance.json} and {@code conformance.md} to {@link #reportDirectory()}, then checks for
 * leaks: the threads and the open connections to the fake provider must be what they were before
 * the suite (awaited with a bound).
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
    private String pluginName;
    private FakeProvider fake;
    private ConformanceRunner runner;
    private LiveThreads baseline;
    private long startNanos;

    /** The client under test. Called once per suite. */
    protected abstract ConformancePlugin plugin();

    /** Where the plug-in is known to depart from the expected outcome; none by default. */
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

    /**
     * Threads that may outlive the suite without being a leak: by default {@link
     * LiveThreads#NOT_THE_CLIENTS}. A plug-in whose library keeps JVM-wide threads (e.g. OkHttp's
     * shared task runner) adds them here, and should say why.
     */
    protected Predicate<Thread> threadsThatMayRemain() {
        return LiveThreads.NOT_THE_CLIENTS;
    }

    /**
     * A leak the plug-in is known to have and has not fixed yet: threads matching {@code threads},
     * at most {@code max} of them, may outlive the suite. More than {@code max}, or any other new
     * thread, still fails. Shown in the failure message of the leak check and in the test log.
     *
     * @param threads which threads the leak leaves
     * @param max how many at most
     * @param reason the bug, for the log
     */
    public record KnownLeak(Predicate<Thread> threads, int max, String reason) {
        /** No known leak. */
        public static final KnownLeak NONE = new KnownLeak(t -> false, 0, "none");
    }

    /** A known, unfixed leak of the plug-in; {@link KnownLeak#NONE} by default. */
    protected KnownLeak knownLeak() {
        return KnownLeak.NONE;
    }

    @BeforeAll
    void startSuite() {
        ConformancePlugin plugin = plugin();
        pluginName = plugin.name();
        fake = FakeProvider.start(FakeProvider.Options.test());
        runner = new ConformanceRunner(plugin, fake, ScenarioCatalog.load(), divergences());
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

    private static void checkPath(ScenarioResult r, String path) {
        PathResult p = r.path(path).orElseThrow();
        switch (p.verdict()) {
            case SKIPPED -> Assumptions.abort("skipped: " + p.skipReason());
            case DIVERGED ->
                    Assumptions.abort(
                            "expected divergence ("
                                    + r.divergence()
                                    + "); observed: "
                                    + String.join("; ", p.mismatches()));
            case FAIL ->
                    fail(
                            r.scenario().id()
                                    + " on "
                                    + path
                                    + ":\n  "
                                    + String.join("\n  ", p.mismatches()));
            default -> {}
        }
    }

    private static void checkAgreement(ScenarioResult r) {
        switch (r.agreement()) {
            case SKIPPED -> Assumptions.abort("no path ran this scenario");
            case DIVERGED ->
                    Assumptions.abort(
                            "expected divergence ("
                                    + r.divergence()
                                    + "); the paths disagree: "
                                    + String.join("; ", r.disagreements()));
            case FAIL ->
                    fail(
                            r.scenario().id()
                                    + ": the paths disagree:\n  "
                                    + String.join("\n  ", r.disagreements()));
            default -> {}
        }
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

    private void checkNoLeaks() {
        int port = fake.wireMockBaseUrl().getPort();
        KnownLeak known = knownLeak();
        Predicate<Thread> ignored = threadsThatMayRemain().or(known.threads());
        boolean clean =
                LeakCheck.await(
                        () ->
                                LiveThreads.newSince(baseline, ignored).isEmpty()
                                        && OpenConnections.toPort(port).orElse(0) == 0
                                        && LiveThreads.newSince(baseline, threadsThatMayRemain())
                                                        .size()
                                                <= known.max(),
                        LEAK_BOUND);
        List<String> leaked = LiveThreads.newSince(baseline, threadsThatMayRemain());
        if (!clean) {
            fail(
                    "the suite leaked: new threads "
                            + leaked
                            + ", open connections to the fake provider "
                            + OpenConnections.toPort(port)
                            + (known.max() > 0
                                    ? "; known leak allows "
                                            + known.max()
                                            + " ("
                                            + known.reason()
                                            + ")"
                                    : ""));
        }
        if (!leaked.isEmpty()) {
            System.out.println("[conformance] known leak (" + known.reason() + "): " + leaked);
        }
    }
}
