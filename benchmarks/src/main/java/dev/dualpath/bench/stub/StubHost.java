package dev.dualpath.bench.stub;

import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.Latency;
import dev.dualpath.conformance.fake.RemoteFakeProvider;
import dev.dualpath.conformance.fake.StubProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The out-of-process stub of one run: a {@link StubProcess} started once on its own CPUs, warmed
 * up, shared by every fork that asks for {@link StubMode#OUT_OF_PROCESS}, and stopped at the end.
 * One stub for the whole run rather than one per fork: it stays warm, and forks start faster.
 *
 * <pre>{@code
 * try (StubHost stub = StubHost.start(CpuPinning.detect(), runDir.resolve("stub.log"))) {
 *     optionsBuilder.addProfiler(StubForks.class, stub.profilerInitLine());
 * }
 * }</pre>
 */
public final class StubHost implements AutoCloseable {

    /**
     * Calls made before the first fork, so that the stub's JIT has compiled its serving path and
     * the first fork does not measure a cold stub: measured here, a pinned stub served a call in
     * ~400 µs at first and ~40 µs after about 10 s of calls. Answering at once for the first part
     * of it, then after {@link #DELAYED_WARM_UP_DELAY} for {@link #DELAYED_WARM_UP}: WireMock sends
     * a delayed response from a scheduler thread, another path than an immediate one, which
     * immediate calls alone never compile.
     */
    static final Duration WARM_UP = Duration.ofSeconds(15);

    /** The last part of {@link #WARM_UP}, with a delay. */
    static final Duration DELAYED_WARM_UP = Duration.ofSeconds(5);

    /** The delay of {@link #DELAYED_WARM_UP}: short, for many calls. */
    static final Duration DELAYED_WARM_UP_DELAY = Duration.ofMillis(1);

    /** Callers answered at once: enough to keep the stub's CPU busy. */
    private static final int WARM_UP_CALLERS = 2;

    /** Callers answered after a delay: each waits 1 ms per call, so more of them. */
    private static final int DELAYED_WARM_UP_CALLERS = 8;

    private static final String CHAT = "/v1/chat/completions";

    private final StubProcess process;
    private final CpuPinning pinning;
    private final FakeProvider.Options options;

    private StubHost(StubProcess process, CpuPinning pinning, FakeProvider.Options options) {
        this.process = process;
        this.pinning = pinning;
        this.options = options;
    }

    /**
     * Starts the stub with {@link FakeProvider.Options#benchmark()} on {@code pinning}'s stub CPUs
     * and warms it up. The stub's JVM chooses its own collector for the CPUs it sees.
     *
     * @param log where the stub's output goes
     * @throws IllegalStateException if the stub does not start or does not answer
     */
    public static StubHost start(CpuPinning pinning, Path log) {
        FakeProvider.Options options = FakeProvider.Options.benchmark();
        StubProcess process =
                StubProcess.start(StubProcess.Launch.ofThisJvm(pinning.stubPrefix(), options, log));
        try {
            warmUp(process.baseUrl());
            return new StubHost(process, pinning, options);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    private static void warmUp(URI baseUrl) {
        RemoteFakeProvider remote = RemoteFakeProvider.connect(baseUrl);
        remote.stubSuccess(CannedBodies.success(), Latency.NONE);
        warmUp(baseUrl, WARM_UP.minus(DELAYED_WARM_UP), WARM_UP_CALLERS);
        remote.stubSuccess(CannedBodies.success(), new Latency.Fixed(DELAYED_WARM_UP_DELAY));
        warmUp(baseUrl, DELAYED_WARM_UP, DELAYED_WARM_UP_CALLERS);
    }

    /** {@code callerCount} threads post chat requests back to back for {@code length}. */
    private static void warmUp(URI baseUrl, Duration length, int callerCount) {
        URI chat = URI.create(baseUrl + CHAT);
        byte[] request = "{\"model\":\"warm-up\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
        long end = System.nanoTime() + length.toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(callerCount);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < callerCount; i++) {
                done.add(
                        callers.submit(
                                () -> {
                                    while (System.nanoTime() < end) {
                                        post(chat, request);
                                    }
                                    return null;
                                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "the stub at " + baseUrl + " failed its warm-up", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming up the stub", e);
        } finally {
            callers.shutdownNow();
        }
    }

    private static void post(URI uri, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(10_000);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        if (c.getResponseCode() != 200) {
            throw new IOException("warm-up call answered " + c.getResponseCode());
        }
        try (InputStream in = c.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream()); // drained: the connection is reused
        }
    }

    /** The stub's base URL. */
    public URI baseUrl() {
        return process.baseUrl();
    }

    /** The init line of {@link StubForks} for this stub and its pinning. */
    public String profilerInitLine() {
        return StubForks.initLine(baseUrl().toString(), pinning.forkCpus(), pinning.allCpus());
    }

    /**
     * Words before the java binary of a fork that uses this stub (the pinning), for forks not
     * started by JMH ({@link StubForks} pins those).
     */
    public List<String> forkPrefix() {
        return pinning.forkPrefix();
    }

    /** JVM options for such a fork: the stub's URL and, when pinned, the collector it keeps. */
    public List<String> forkJvmArgs(List<String> runJvmArgs) {
        List<String> args = new java.util.ArrayList<>();
        args.add("-D" + StubMode.URL_PROPERTY + "=" + baseUrl());
        if (pinning.active() && !StubForks.choosesCollector(runJvmArgs)) {
            args.add(StubForks.G1);
        }
        return List.copyOf(args);
    }

    /** How the stub runs, for {@code env.json}. */
    public Map<String, String> describe() {
        return describe(pinning, options);
    }

    /**
     * How an out-of-process stub with these settings runs, for {@code env.json}; also when none was
     * started yet.
     */
    public static Map<String, String> describe(CpuPinning pinning, FakeProvider.Options options) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(
                "outOfProcess",
                "WireMock in its own JVM (its collector its JVM's choice), started once per run"
                        + " and warmed up "
                        + WARM_UP.toSeconds()
                        + " s (the last "
                        + DELAYED_WARM_UP.toSeconds()
                        + " s with a "
                        + DELAYED_WARM_UP_DELAY.toMillis()
                        + " ms delay); forks with stubMode=OUT_OF_PROCESS use it");
        d.put("pinning", pinning.description());
        d.put(
                "pinnedForkJit",
                pinning.active()
                        ? "JIT compiler threads of pinned JMH forks run on CPU " + pinning.allCpus()
                        : "none");
        d.put(
                "pinnedForkFlags",
                pinning.active() ? StubForks.G1 + " (unless the run chooses a collector)" : "none");
        d.put("inProcess", "WireMock in the benchmark's JVM, for forks with stubMode=IN_PROCESS");
        d.put("journal", options.requestJournal() ? "on" : "off");
        d.put("containerThreads", Integer.toString(options.containerThreads()));
        d.put("asyncResponseThreads", Integer.toString(options.asyncResponseThreads()));
        return d;
    }

    /** Stops the stub. Idempotent. */
    @Override
    public void close() {
        process.close();
    }
}
