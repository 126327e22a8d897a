package dev.dualpath.bench.compare;

import dev.dualpath.bench.machine.CalibrationLoop;
import dev.dualpath.bench.machine.ProcSample;
import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.machine.MachineConditions;
import dev.dualpath.bench.verdict.sequential.MetricSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Runs one fork as its own JVM: {@code java <flags> <side's args> -cp <jar> org.openjdk.jmh.Main
 * <benchmark> -p <param>=<series> -f 0 ...}, one benchmark, one parameter value, writing its JSON.
 * With {@code -f 0} JMH measures in the JVM it was started in, so every fork is one fresh JVM whose
 * flags are exactly the ones given here (no second, forked JVM with inherited ones).
 *
 * <p>Around the fork, from this process: the machine's CPU accounting ({@link ProcSample}: other
 * processes' CPU is the machine's busy time minus the child's own) and the calibration loop before
 * and after. These work whatever the jar contains, so an old base build is measured like the head.
 */
public final class JmhForkRunner implements ForkRunner {

    private static final String CALL_COST = "dev.dualpath.bench.CallCostProfiler";

    private final ForkSettings settings;
    private final Map<Side, Build> builds;
    private final Map<Side, Boolean> callCost = new LinkedHashMap<>();
    private final Path java;

    /**
     * @param settings what each fork runs
     * @param builds the jar and extra arguments per side
     * @throws IOException if a jar cannot be opened
     */
    public JmhForkRunner(ForkSettings settings, Map<Side, Build> builds) throws IOException {
        this.settings = settings;
        this.builds = Map.copyOf(builds);
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (Map.Entry<Side, Build> e : builds.entrySet()) {
            try (JarFile jar = new JarFile(e.getValue().jar().toFile())) {
                callCost.put(
                        e.getKey(), jar.getEntry(CALL_COST.replace('.', '/') + ".class") != null);
            }
        }
    }

    @Override
    public ForkRecord run(Side side, String series, Path resultFile)
            throws IOException, InterruptedException {
        Path log = resultFile.resolveSibling(resultFile.getFileName() + ".log");
        List<String> command = command(side, series, resultFile);
        double calibrationBefore = CalibrationLoop.bestMicros();
        ProcSample before = ProcSample.now();
        Process p =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        long timeoutSeconds = settings.iterationTime().toSeconds() * 4 + 120;
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new ForkFailedException(
                        "fork timed out after " + timeoutSeconds + " s (see " + log + ")");
            }
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        ProcSample after = ProcSample.now();
        double calibration = Math.max(calibrationBefore, CalibrationLoop.bestMicros());
        if (p.exitValue() != 0 || !Files.isRegularFile(resultFile)) {
            throw new ForkFailedException(
                    "fork exited with " + p.exitValue() + " (see " + log + ")");
        }
        MachineConditions conditions =
                after.since(
                        before, after.childrenSeconds() - before.childrenSeconds(), calibration);
        double wall = (after.wallNanos() - before.wallNanos()) / 1e9;
        return new ForkRecord(side, series, resultFile, metrics(resultFile), conditions, wall);
    }

    List<String> command(Side side, String series, Path resultFile) {
        Build build = builds.get(side);
        List<String> c = new ArrayList<>();
        c.add(java.toString());
        c.addAll(settings.jvmFlags());
        c.addAll(build.extraJvmArgs());
        c.add("-Djmh.ignoreLock=true");
        c.addAll(
                List.of("-cp", build.jar().toString(), "org.openjdk.jmh.Main", settings.include()));
        c.addAll(List.of("-p", settings.param() + "=" + series));
        settings.fixedParams()
                .forEach((name, value) -> c.addAll(List.of("-p", name + "=" + value)));
        c.addAll(List.of("-f", "0", "-foe", "true"));
        c.addAll(List.of("-wi", Integer.toString(settings.warmupIterations())));
        c.addAll(List.of("-w", millis(settings.warmupTime())));
        c.addAll(List.of("-i", Integer.toString(settings.measurementIterations())));
        c.addAll(List.of("-r", millis(settings.measurementTime())));
        c.addAll(List.of("-prof", "gc"));
        if (callCost.get(side)) c.addAll(List.of("-prof", CALL_COST));
        c.addAll(List.of("-rf", "json", "-rff", resultFile.toString()));
        return c;
    }

    private static String millis(java.time.Duration d) {
        return String.format(Locale.ROOT, "%dms", d.toMillis());
    }

    /**
     * The fork's mean of every metric: the primary score and each secondary metric.
     *
     * @param resultFile a one-fork, one-series JMH JSON result
     * @return metric name ({@code primary} for the score) to the fork's mean
     * @throws dev.dualpath.bench.verdict.InputException if the file is malformed or holds more than
     *     one series
     */
    public static Map<String, Double> metrics(Path resultFile) {
        JmhRun run = new JmhResultReader().read(resultFile);
        Map<String, Double> out = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Measurement m : run.measurements()) {
            String name = m.id().secondary() == null ? MetricSpec.PRIMARY : m.id().secondary();
            if (!seen.add(name)) {
                throw new dev.dualpath.bench.verdict.InputException(
                        resultFile, "(file)", "more than one series: a fork must run one");
            }
            List<Double> means = m.forkMeans();
            if (!means.isEmpty()) out.put(name, means.get(0));
        }
        return out;
    }
}
