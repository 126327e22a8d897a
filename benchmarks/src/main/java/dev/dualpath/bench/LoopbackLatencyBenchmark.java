package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.adapter.transport.TransportKind;
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
 * <b>Question:</b> against a real HTTP server on loopback, what does each sync strategy cost over
 * the raw transport at the same injected latency, on each transport? The fake provider (the same
 * WireMock stub the conformance suite proves every path equal on) answers a ~1 KB Cerebras body
 * after {@code delayMs}.
 *
 * <p>Overhead = {@code path=X} − {@code path=RAW_BLOCKING} at the same {@code transport} and {@code
 * delayMs}, in the same run. Never subtract the nominal delay: WireMock's delay is a sleep that
 * overshoots, and the VM adds more when a client idles
 * (docs/calibration.md#wiremock-delay-overshoot).
 *
 * <p>Sample mode, so each result carries percentiles (p50, p99) as well as the mean.
 *
 * <p>{@code -prof dev.dualpath.bench.CallCostProfiler} adds {@code stub.service.norm}, the stub's
 * own service time per call (µs, delay excluded), to tell the stub's share of a call from the
 * client's.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LoopbackLatencyBenchmark -p delayMs=0
 * -prof gc -prof dev.dualpath.bench.CallCostProfiler}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class LoopbackLatencyBenchmark {

    @Param({
        "RAW_BLOCKING",
        "RAW_ASYNC",
        "DIRECT",
        "LOOP_PER_CALL",
        "SHARED_LOOP",
        "SEED_LITERAL",
        "CLIENT_PER_CALL"
    })
    public BenchPath path;

    @Param({"APACHE", "JDK"})
    public TransportKind transport;

    @Param({"0", "1", "10", "100"})
    public int delayMs;

    private FakeProvider provider;
    private Target target;

    @Setup(Level.Trial)
    public void setUp() {
        provider = FakeProvider.start(FakeProvider.Options.benchmark());
        StubMeter.watch(provider); // stub.service.norm: the stub's own time per request
        provider.stubSuccess(CannedBodies.success(), new Latency.Fixed(Duration.ofMillis(delayMs)));
        target =
                Target.over(
                        provider.baseUrl(),
                        transport.factory(TransportConfig.DEFAULTS),
                        ContinuationExecutor.OWNED_POOL);
        target.check(path);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        target.close();
        provider.close();
    }

    /** One call through {@code path} to the stub. */
    @Benchmark
    public Object call() {
        return path.call(target);
    }
}
