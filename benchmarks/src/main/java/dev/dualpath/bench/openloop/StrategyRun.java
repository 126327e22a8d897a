package dev.dualpath.bench.openloop;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.adapter.wire.WireResponse;
import dev.dualpath.bench.BenchPath;
import dev.dualpath.bench.Target;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.Latency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One strategy's open-loop run in this JVM: the fake provider on 127.0.0.1 with the injected delay,
 * the setup check, the schedule on a fixed pool of caller threads, then the two {@code .hgrm}
 * files. {@link OpenLoopMain} runs this in a fresh JVM per strategy.
 */
public final class StrategyRun {

    /** The folder, inside the output folder, that holds the {@code .hgrm} files. */
    public static final String HGRM_DIR = "hgrm";

    /** Extra wait for stragglers beyond the late limit and the call timeout. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private StrategyRun() {}

    /**
     * {@code hgrm/<strategy>-raw.hgrm} or {@code -corrected.hgrm}, relative to the output folder.
     */
    public static String hgrmName(String strategy, boolean corrected) {
        return HGRM_DIR + "/" + strategy + (corrected ? "-corrected" : "-raw") + ".hgrm";
    }

    /**
     * Measures {@code path}; never throws for a failure of the strategy itself (the result says
     * FAILED or ERRORS with counts).
     *
     * @param path the strategy
     * @param settings rate, duration, transport, delay, callers
     * @param outDir the output folder; {@code hgrm/} is created in it, and this strategy's old
     *     files removed
     * @throws IOException if the {@code .hgrm} files cannot be written
     * @throws InterruptedException if interrupted while running
     */
    public static StrategyResult run(BenchPath path, OpenLoopSettings settings, Path outDir)
            throws IOException, InterruptedException {
        return run(
                path,
                settings,
                outDir,
                (provider, delay) -> provider.stubSuccess(CannedBodies.success(), delay));
    }

    /** How the fake provider is stubbed; tests stub a wrong body to see the setup check fail. */
    @FunctionalInterface
    interface Stub {
        void apply(FakeProvider provider, Latency delay);
    }

    static StrategyResult run(BenchPath path, OpenLoopSettings settings, Path outDir, Stub stub)
            throws IOException, InterruptedException {
        String name = path.name();
        Files.createDirectories(outDir.resolve(HGRM_DIR));
        Files.deleteIfExists(outDir.resolve(hgrmName(name, false)));
        Files.deleteIfExists(outDir.resolve(hgrmName(name, true)));
        TransportConfig config =
                TransportConfig.DEFAULTS
                        .withMaxConnections(settings.callers())
                        .withRequestTimeout(settings.callTimeout())
                        .withReadTimeout(settings.callTimeout());
        try (FakeProvider provider = FakeProvider.start(FakeProvider.Options.benchmark());
                Target target =
                        Target.over(
                                provider.baseUrl(),
                                settings.transport().factory(config),
                                ContinuationExecutor.OWNED_POOL)) {
            stub.apply(provider, new Latency.Fixed(Duration.ofMillis(settings.delayMs())));
            try {
                target.check(path);
            } catch (RuntimeException e) {
                return StrategyResult.failed(
                        name, settings, "setup check failed: " + e.getMessage(), JvmInfo.current());
            }
            return measure(path, target, settings, outDir);
        }
    }

    private static StrategyResult measure(
            BenchPath path, Target target, OpenLoopSettings settings, Path outDir)
            throws IOException, InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        OpenLoopDriver driver =
                new OpenLoopDriver(settings.schedule(), Ticker.SYSTEM, settings.lateLimit());
        ThreadPoolExecutor callers =
                new ThreadPoolExecutor(
                        settings.callers(),
                        settings.callers(),
                        0,
                        TimeUnit.MILLISECONDS,
                        new LinkedBlockingQueue<>(),
                        daemonThreads("openloop-caller-"));
        callers.prestartAllCoreThreads(); // thread start-up stays out of the schedule
        OpenLoopDriver.Counts counts;
        try {
            counts =
                    driver.run(
                            callers,
                            () -> expectSuccess(path.call(target)),
                            recorder,
                            settings.lateLimit().plus(settings.callTimeout()).plus(GRACE));
        } finally {
            callers.shutdownNow();
            callers.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        LatencyRecorder.Snapshot snap = recorder.snapshot();
        long count = snap.raw().getTotalCount();
        String rawFile = null;
        String correctedFile = null;
        if (count > 0) {
            rawFile = hgrmName(path.name(), false);
            correctedFile = hgrmName(path.name(), true);
            HgrmWriter.write(snap.raw(), outDir.resolve(rawFile));
            HgrmWriter.write(snap.corrected(), outDir.resolve(correctedFile));
        }
        return new StrategyResult(
                path.name(),
                StrategyResult.statusOf(
                        snap.errors(), snap.notStarted(), counts.unfinished(), snap.warmupErrors()),
                null,
                settings,
                counts.scheduled(),
                count,
                snap.errors(),
                snap.notStarted(),
                counts.unfinished(),
                snap.warmupErrors(),
                snap.errorKinds(),
                counts.peakInFlight(),
                JvmInfo.current(),
                Percentiles.ofNanos(snap.raw()),
                Percentiles.ofNanos(snap.corrected()),
                rawFile,
                correctedFile);
    }

    /** A raw baseline returns the response whatever its status; anything but a 200 is a failure. */
    private static void expectSuccess(Object result) {
        if (result instanceof WireResponse response && response.status() != 200) {
            throw new ErrorKind.UnexpectedResponse(response.status());
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
