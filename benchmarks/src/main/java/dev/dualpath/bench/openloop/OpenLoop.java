package dev.dualpath.bench.openloop;

import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.bench.BenchPath;
import dev.dualpath.bench.run.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The open-loop latency recorder: every strategy in turn at a fixed arrival rate, then {@code
 * openloop.json}, {@code openloop.md} and {@code hgrm/<strategy>-{raw,corrected}.hgrm}.
 *
 * <pre>{@code
 * OpenLoopSettings settings = new OpenLoopSettings(TransportKind.APACHE, 10, 200, 5_000, 10_000,
 *         OpenLoopSettings.defaultCallers(200, 10));
 * OpenLoopReport report = OpenLoop.run(settings, OpenLoop.DEFAULT_STRATEGIES, runDir,
 *         ForkLauncher.ofThisClasspath(null, List.of(), runDir.resolve(OpenLoop.LOG)), System.out::println);
 * }</pre>
 */
public final class OpenLoop {

    /** The raw baseline and the four sync strategies. */
    public static final List<BenchPath> DEFAULT_STRATEGIES =
            List.of(
                    BenchPath.RAW_BLOCKING,
                    BenchPath.DIRECT,
                    BenchPath.LOOP_PER_CALL,
                    BenchPath.SHARED_LOOP,
                    BenchPath.SEED_LITERAL);

    /** The forks' output, in the output folder. */
    public static final String LOG = "openloop.log";

    private OpenLoop() {}

    /**
     * What {@code run} records per profile, all on Apache: {@code smoke} 50 calls/s at 0 ms for 1 s
     * after 0.5 s (proves every strategy runs, nothing more); {@code full} 200 calls/s at 10 ms for
     * 20 s after 5 s of warm-up; {@code quick} 200 calls/s at 10 ms for 5 s after 2 s, recorded
     * only when asked ({@link #enabledByDefault}: its time budget is spent on JMH).
     */
    public static OpenLoopSettings forProfile(Profile profile) {
        return switch (profile) {
            case SMOKE ->
                    new OpenLoopSettings(
                            TransportKind.APACHE,
                            0,
                            50,
                            500,
                            1_000,
                            OpenLoopSettings.defaultCallers(50, 0));
            case QUICK ->
                    new OpenLoopSettings(
                            TransportKind.APACHE,
                            10,
                            200,
                            2_000,
                            5_000,
                            OpenLoopSettings.defaultCallers(200, 10));
            case FULL ->
                    new OpenLoopSettings(
                            TransportKind.APACHE,
                            10,
                            200,
                            5_000,
                            20_000,
                            OpenLoopSettings.defaultCallers(200, 10));
        };
    }

    /**
     * Whether {@code run} records open-loop latencies for {@code profile} unless told otherwise.
     */
    public static boolean enabledByDefault(Profile profile) {
        return profile != Profile.QUICK;
    }

    /**
     * Runs every strategy through {@code fork}, one after another, printing one line each, and
     * writes the report files into {@code outDir}.
     *
     * @param outDir created if missing
     * @param progress one line per strategy
     * @return the report; look at its statuses
     * @throws IOException if the output cannot be written
     * @throws InterruptedException if interrupted while a strategy runs
     */
    public static OpenLoopReport run(
            OpenLoopSettings settings,
            List<BenchPath> strategies,
            Path outDir,
            Fork fork,
            Consumer<String> progress)
            throws IOException, InterruptedException {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("strategies must not be empty");
        }
        Files.createDirectories(outDir);
        progress.accept(
                String.format(
                        Locale.ROOT,
                        "open-loop: %d strategies at %d calls/s, %d ms delay, %s; about %d s each",
                        strategies.size(),
                        settings.ratePerSecond(),
                        settings.delayMs(),
                        settings.transport(),
                        (settings.warmupMs() + settings.durationMs()) / 1000 + 3));
        List<StrategyResult> results = new ArrayList<>();
        for (BenchPath path : strategies) {
            StrategyResult result = fork.run(path, settings, outDir);
            results.add(result);
            progress.accept(line(result));
        }
        OpenLoopReport report = new OpenLoopReport(JvmInfo.current(), settings, results);
        report.write(outDir);
        return report;
    }

    static String line(StrategyResult r) {
        if (r.status() == StrategyResult.Status.FAILED) {
            return "open-loop " + r.strategy() + ": FAILED: " + r.failure();
        }
        String p99 =
                r.raw() == null
                        ? "no successful call"
                        : "p99 raw "
                                + OpenLoopReport.micros(r.raw().p99Us())
                                + " µs / corrected "
                                + OpenLoopReport.micros(r.corrected().p99Us())
                                + " µs";
        return String.format(
                Locale.ROOT,
                "open-loop %s: %s, %d/%d calls, %d errors, %s",
                r.strategy(),
                r.status(),
                r.count(),
                r.scheduled(),
                r.errors() + r.notStarted() + r.unfinished(),
                p99);
    }
}
