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
import org.openjdk.jmh.infra.Blackhole;

/**
 * <b>Question:</b> on loopback, what does a path cost over the floor it stands on, measured in the
 * same fork? Each operation makes one call of the path and one of its floor, in alternating order
 * (path first, then floor first), each timed on its own; {@link CallCostProfiler} reports each
 * one's median per iteration and their ratio ({@code pair.*}, {@link PairMeter}).
 *
 * <p>Why beside {@link LoopbackLatencyBenchmark}, which measures each path in forks of its own: on
 * this kind of machine a fork's loopback median moves by 10–15 % from one JVM to the next (its
 * JIT's choices, where its threads and the stub's land, what the host does meanwhile), so a ratio
 * of two paths measured in different forks needs many forks to be resolved to a few percent. Two
 * paths called alternately in one fork share that fork's JIT'd transport, connection pool, CPUs and
 * minute, so the fork's own state cancels from their ratio; what is left is the difference the path
 * makes. The alternation also gives neither path the advantage of following itself.
 *
 * <p>The ratio's forks are the statistical unit: the report's interval is over the per-fork ratios.
 * Primary score: the time of one operation (both calls), not an answer in itself.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PairedFloorBenchmark -prof
 * dev.dualpath.bench.CallCostProfiler}; {@code dualpath run --profile full --only "paired floors"}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(5)
@State(Scope.Benchmark)
public class PairedFloorBenchmark {

    /** A path and the raw call it stands on. */
    public enum Pair {
        /** {@code invoke().join()} over the async transport's own future, joined. */
        SHARED_LOOP_OVER_RAW_ASYNC(BenchPath.SHARED_LOOP, BenchPath.RAW_ASYNC),
        /** {@code invoke().join()}, continuations on the transport's thread, over the same. */
        SHARED_LOOP_NO_HOP_OVER_RAW_ASYNC(BenchPath.SHARED_LOOP_NO_HOP, BenchPath.RAW_ASYNC),
        /** {@code invokeSync()} over the blocking transport's own call. */
        DIRECT_OVER_RAW_BLOCKING(BenchPath.DIRECT, BenchPath.RAW_BLOCKING),
        /**
         * The blocking transport's call over itself: the design's control. Its ratio must be 1
         * within its interval; if it is not, the pairing (which call goes first, what the stub does
         * between the two) favours one side, and the other pairs' ratios carry that bias.
         */
        RAW_BLOCKING_OVER_RAW_BLOCKING(BenchPath.RAW_BLOCKING, BenchPath.RAW_BLOCKING);

        final BenchPath path;
        final BenchPath floor;

        Pair(BenchPath path, BenchPath floor) {
            this.path = path;
            this.floor = floor;
        }
    }

    @Param({
        "SHARED_LOOP_OVER_RAW_ASYNC",
        "SHARED_LOOP_NO_HOP_OVER_RAW_ASYNC",
        "DIRECT_OVER_RAW_BLOCKING",
        "RAW_BLOCKING_OVER_RAW_BLOCKING"
    })
    public Pair pair;

    @Param({"APACHE", "JDK"})
    public TransportKind transport;

    @Param({"0"})
    public int delayMs;

    /** The response body's size in bytes; 1171 is the canned ~1 KB body. */
    @Param({"1171"})
    public int bodyBytes;

    @Param({"OUT_OF_PROCESS"})
    public StubMode stubMode;

    private LoopbackFixture fixture;
    private Target target;
    private boolean pathFirst;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = LoopbackFixture.open(stubMode, bodyBytes, Duration.ofMillis(delayMs), transport);
        target = fixture.target();
        target.check(pair.path);
        target.check(pair.floor);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /** One call of the path and one of its floor, the order alternating between operations. */
    @Benchmark
    public void call(Blackhole bh) {
        pathFirst = !pathFirst;
        bh.consume(timed(pathFirst));
        bh.consume(timed(!pathFirst));
    }

    /** One call of the path ({@code ofPath}) or of its floor, its time recorded in PairMeter. */
    private Object timed(boolean ofPath) {
        long start = System.nanoTime();
        Object result = (ofPath ? pair.path : pair.floor).call(target);
        long nanos = System.nanoTime() - start;
        if (ofPath) {
            PairMeter.recordPath(nanos);
        } else {
            PairMeter.recordFloor(nanos);
        }
        return result;
    }
}
