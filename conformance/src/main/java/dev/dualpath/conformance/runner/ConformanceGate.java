package dev.dualpath.conformance.runner;

import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.report.ConformanceReportWriter;
import dev.dualpath.conformance.result.ConformanceResult;
import dev.dualpath.conformance.scenario.Scenario;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The entry point the benchmark job calls before it measures anything: run the whole catalogue on
 * every dualpath path, write the reports, and say which paths may be benchmarked.
 *
 * <pre>{@code
 * ConformanceGate.Result gate = ConformanceGate.run(runDir);        // results/runs/<timestamp>/
 * gate.requirePassed(DualpathPlugin.pathName(TransportKind.APACHE, SyncStrategy.DIRECT));
 * }</pre>
 *
 * <p>A path may be benchmarked only if every one of its cells passed or was skipped: a failed cell,
 * a cell excused by a known-failure entry ({@value #KNOWN_FAILURES}, empty while dualpath has no
 * known failure) and a stale entry all refuse it, and {@link Result#requirePassed} says which
 * scenarios and why.
 */
public final class ConformanceGate {

    /** The classpath resource listing dualpath's known failures, with reasons. */
    public static final String KNOWN_FAILURES = "known-failures/dualpath.json";

    private ConformanceGate() {}

    /**
     * What the gate found.
     *
     * @param result every scenario on every path
     * @param reportDir where {@code conformance.json} and {@code conformance.md} were written
     */
    public record Result(ConformanceResult result, Path reportDir) {

        /**
         * For each path that must not be benchmarked, why: one line per failed, excused or stale
         * cell ({@link ConformanceResult#refusalsByPath()}); empty when every cell passed.
         */
        public Map<String, List<String>> refusalsByPath() {
            return result.refusalsByPath();
        }

        /** Whether {@code path} (a name from {@link DualpathPlugin}) may be benchmarked. */
        public boolean passed(String path) {
            requireKnown(path);
            return !refusalsByPath().containsKey(path);
        }

        /**
         * Refuses {@code path} unless every one of its cells passed or was skipped.
         *
         * @throws IllegalStateException naming the path, each scenario that refuses it and why
         *     (failed, excused by a known-failure entry, stale entry), and the report, unless every
         *     cell of {@code path} passed or was skipped
         * @throws IllegalArgumentException if there is no such path
         */
        public void requirePassed(String path) {
            if (!passed(path)) {
                throw new IllegalStateException(
                        "refusing to benchmark "
                                + path
                                + ": "
                                + String.join("; ", refusalsByPath().get(path))
                                + " (see "
                                + reportDir.resolve(ConformanceReportWriter.MARKDOWN)
                                + ")");
            }
        }

        private void requireKnown(String path) {
            if (!result.paths().contains(path)) {
                throw new IllegalArgumentException(
                        "no conformance path named '" + path + "'; paths: " + result.paths());
            }
        }
    }

    /**
     * Runs every scenario on every dualpath path against a fresh fake provider and writes the
     * reports to {@code outDir}. Takes about a minute on two cores.
     *
     * @param outDir the run folder, created if needed
     * @return the result; check it with {@link Result#requirePassed} before benchmarking a path
     * @throws java.io.UncheckedIOException if the reports cannot be written
     */
    public static Result run(Path outDir) {
        return run(outDir, s -> true);
    }

    /** As {@link #run(Path)}, on the scenarios {@code filter} accepts only. */
    public static Result run(Path outDir, Predicate<Scenario> filter) {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(filter, "filter");
        ScenarioCatalog catalog = ScenarioCatalog.load();
        try (FakeProvider fake = FakeProvider.start(FakeProvider.Options.test())) {
            ConformanceRunner runner =
                    new ConformanceRunner(new DualpathPlugin(), fake, catalog, knownFailures());
            ConformanceResult result = runner.run(catalog.all().stream().filter(filter).toList());
            return new Result(result, ConformanceReportWriter.write(result, outDir));
        }
    }

    /** dualpath's known failures ({@value #KNOWN_FAILURES}). */
    public static ExpectedDivergences knownFailures() {
        return ExpectedDivergences.load(ConformanceGate.class.getClassLoader(), KNOWN_FAILURES);
    }
}
