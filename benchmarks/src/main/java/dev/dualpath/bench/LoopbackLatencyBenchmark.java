package dev.dualpath.bench;

import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.bench.stub.StubMode;
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
 * WireMock stub the conformance suite proves every path equal on) answers a Cerebras body of {@code
 * bodyBytes} (1171: the canned ~1 KB one) after {@code delayMs}.
 *
 * <p>{@code stubMode}: {@code OUT_OF_PROCESS} runs the stub in a JVM of its own (pinned to its own
 * CPU by {@code dualpath run}), so that this JVM's time, bytes per op ({@code -prof gc}), GC and
 * JIT are the client's alone; {@code IN_PROCESS} runs it beside the client, as every loopback
 * figure did before, to show what the separation changes.
 *
 * <p>The raw async baseline is {@code RAW_ASYNC}: the async transport's own future, joined. {@code
 * SHARED_LOOP} over it is what the adapter's async path adds; {@code DIRECT} over {@code
 * RAW_BLOCKING} what the sync path adds.
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
 * client's, and, out of process, the stub's CPU time per call and its CPU use.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LoopbackLatencyBenchmark -p delayMs=0
 * -p bodyBytes=1171 -prof gc -prof dev.dualpath.bench.CallCostProfiler} (out of process, each fork
 * then starts a stub of its own, unpinned; {@code dualpath run} starts one pinned stub per run).
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

    /** The response body's size in bytes; 1171 is the canned ~1 KB body. */
    @Param({"1171", "65536", "1048576"})
    public int bodyBytes;

    @Param({"OUT_OF_PROCESS", "IN_PROCESS"})
    public StubMode stubMode;

    private LoopbackFixture fixture;
    private Target target;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = LoopbackFixture.open(stubMode, bodyBytes, Duration.ofMillis(delayMs), transport);
        target = fixture.target();
        target.check(path);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /** One call through {@code path} to the stub. */
    @Benchmark
    public Object call() {
        return path.call(target);
    }
}
