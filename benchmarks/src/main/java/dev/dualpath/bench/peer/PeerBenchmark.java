package dev.dualpath.bench.peer;

import dev.dualpath.bench.CallMeter;
import dev.dualpath.bench.CallerThread;
import dev.dualpath.bench.StubMeter;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.Latency;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * <b>Question:</b> how does dualpath's {@code DIRECT} compare with what a user would pick instead?
 * One caller, the same stub and request, at 0 and 10 ms: the official {@code
 * com.openai:openai-java} blocking client, its async client with {@code join()}, dualpath {@code
 * DIRECT} on Apache and on the JDK client, and the raw Apache transport as the baseline (see {@link
 * Peer}).
 *
 * <p>The param is named {@code path} so the run's strategy table puts every peer beside {@code
 * RAW_BLOCKING} and {@code DIRECT} with the difference's confidence interval. Compare at the same
 * {@code delayMs} in the same run, never against the nominal delay: WireMock's delay is a sleep
 * that overshoots (docs/calibration.md#wiremock-delay-overshoot).
 *
 * <p>Bytes per call: {@code -prof gc}'s {@code gc.alloc.rate.norm} counts every thread, the
 * in-process stub's ~60 KB per request included
 * (docs/calibration.md#the-gc-profiler-counts-every-thread), so only differences between peers mean
 * something there; {@link CallCostProfiler}'s {@code caller.alloc.norm} counts the calling thread
 * alone (work a client hands to its own threads, such as OkHttp's dispatcher for the async client,
 * is not in it). The stub does not gzip: OkHttp and Apache ask for gzip, so with it on the
 * comparison would measure compression (docs/calibration.md#gzip).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PeerBenchmark -prof gc -prof
 * dev.dualpath.bench.CallCostProfiler}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class PeerBenchmark {

    @Param({"RAW_BLOCKING", "DIRECT", "DIRECT_JDK", "OPENAI_BLOCKING", "OPENAI_ASYNC_JOIN"})
    public Peer path;

    @Param({"0", "10"})
    public int delayMs;

    private FakeProvider provider;
    private PeerClient<?> client;

    @Setup(Level.Trial)
    public void setUp() {
        provider = FakeProvider.start(FakeProvider.Options.benchmark());
        StubMeter.watch(provider); // stub.service.norm: the stub's own time per request
        provider.stubSuccess(CannedBodies.success(), new Latency.Fixed(Duration.ofMillis(delayMs)));
        client = path.open(provider.baseUrl());
        String content = client.content();
        if (!CannedBodies.DEFAULT_CONTENT.equals(content)) {
            throw new IllegalStateException(
                    "setup check failed: peer " + path + " returned content " + content);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            client.close();
        } finally {
            provider.close();
        }
    }

    /** One call through the peer, as its user would make it. */
    @Benchmark
    public Object call(CallerThread caller) {
        CallMeter.calls(1);
        return client.call();
    }
}
