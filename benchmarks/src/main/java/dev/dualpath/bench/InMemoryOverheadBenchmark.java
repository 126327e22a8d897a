package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
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
 * <b>Question:</b> with no network at all, what does each way of making a sync call cost over the
 * raw transport call? This is the cleanest overhead figure: the in-memory transport answers a
 * canned ~1 KB response at once, so what remains is encoding, parsing, and the strategy's own
 * machinery (executors, threads, futures).
 *
 * <p>Overhead of a strategy = {@code path=X} − {@code path=RAW_BLOCKING} in the same run; the async
 * path's overhead = {@code SHARED_LOOP} − {@code RAW_ASYNC}. The project's target for the direct
 * path: {@code DIRECT} adds at most 10 µs and 2 KB per call over {@code RAW_BLOCKING} (the README
 * says whether the committed baseline meets it).
 *
 * <p>The adapter runs its continuations on its own executor here; how the answer changes with the
 * executor and the CPU count is {@link ExecutorEnvironmentBenchmark}'s question.
 *
 * <p>The system property {@code dualpath.bench.extraDelayNanos} adds a spin delay to every
 * in-memory exchange: a test-only knob that proves the gate detects a known slowdown.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar InMemoryOverheadBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class InMemoryOverheadBenchmark {

    /** The knob named in the class Javadoc; 0 unless set. */
    public static final String EXTRA_DELAY_PROPERTY = "dualpath.bench.extraDelayNanos";

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

    private Target target;

    @Setup(Level.Trial)
    public void setUp() {
        long extraNanos = Long.getLong(EXTRA_DELAY_PROPERTY, 0L);
        target = Target.inMemory(ContinuationExecutor.OWNED_POOL, Duration.ofNanos(extraNanos));
        target.check(path);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        target.close();
    }

    /**
     * One call through {@code path}; returned so JMH consumes it. Counted for {@link
     * CallCostProfiler}'s {@code threads.started.norm} (a strategy that makes an "event loop" per
     * call starts a thread per call), at the cost of one uncontended {@code LongAdder} add.
     */
    @Benchmark
    public Object call() {
        CallMeter.calls(1);
        return path.call(target);
    }
}
