package dev.dualpath.bench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH output for a person watching a run: one line per benchmark saying which of how many, its
 * parameters, and the ETA of the whole run; one line with its score when it ends. Everything JMH
 * would normally print goes to {@code jmh.log} in the run folder instead, untouched.
 */
public final class ProgressFormat implements OutputFormat {

    private final OutputFormat log;
    private final PrintStream out;
    private final Estimate estimate;
    private final long startNanos = System.nanoTime();
    private int started;
    private Duration expectedDone = Duration.ZERO;
    private Duration nextFork = Duration.ZERO;

    /**
     * @param log receives everything, as JMH's own human-readable format
     * @param out receives the progress lines
     * @param estimate how many benchmarks the whole run has and how long they should take
     */
    public ProgressFormat(OutputFormat log, PrintStream out, Estimate estimate) {
        this.log = log;
        this.out = out;
        this.estimate = estimate;
    }

    /**
     * What the whole run holds: series (benchmark × parameters), forks over all of them, and the
     * expected wall time of all forks (start-up included).
     */
    public record Estimate(int benchmarks, int forks, Duration total) {}

    @Override
    public void startBenchmark(BenchmarkParams params) {
        log.startBenchmark(params);
        started++;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        out.printf(
                Locale.ROOT,
                "[fork %d/%d] %s %s  (elapsed %s, ETA %s)%n",
                started,
                estimate.forks(),
                shortName(params.getBenchmark()),
                new TreeMap<>(paramMap(params)),
                format(elapsed),
                format(eta(elapsed)));
        out.flush();
    }

    /**
     * The planned wall time of the fork about to run (warm-up, measurement and JVM start), counted
     * as done when it ends: forks of different plans differ severalfold in length, so an equal
     * share each would make the ETA swing.
     */
    public void expectNextFork(Duration planned) {
        nextFork = planned;
    }

    /** Remaining time, scaled by how the run has kept to its estimate so far. */
    private Duration eta(Duration elapsed) {
        Duration remaining = estimate.total().minus(expectedDone);
        if (remaining.isNegative()) {
            return Duration.ZERO;
        }
        if (expectedDone.isZero()) {
            return remaining;
        }
        double pace = (double) elapsed.toMillis() / Math.max(1, expectedDone.toMillis());
        return Duration.ofMillis((long) (remaining.toMillis() * pace));
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
        if (result != null) {
            BenchmarkParams p = result.getParams();
            expectedDone = expectedDone.plus(nextFork);
            Result<?> primary = result.getPrimaryResult();
            out.printf(
                    Locale.ROOT,
                    "        %s = %.3f ± %.3f %s%n",
                    shortName(p.getBenchmark()),
                    primary.getScore(),
                    primary.getScoreError(),
                    primary.getScoreUnit());
            out.flush();
        }
    }

    private static java.util.Map<String, String> paramMap(BenchmarkParams params) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String key : params.getParamsKeys()) {
            m.put(key, params.getParam(key));
        }
        return m;
    }

    static String shortName(String benchmark) {
        int dot = benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1);
        return dot < 0 ? benchmark : benchmark.substring(dot + 1);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(
            BenchmarkParams benchParams,
            IterationParams params,
            int iteration,
            IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    /**
     * Failures also reach the person watching: a broken benchmark must not fail silently in a log.
     */
    @Override
    public void println(String s) {
        log.println(s);
        if (s != null
                && (s.startsWith("<failure>")
                        || s.contains("Exception")
                        || s.startsWith("# ERROR"))) {
            out.println(s);
        }
    }

    @Override
    public void flush() {
        log.flush();
        out.flush();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
