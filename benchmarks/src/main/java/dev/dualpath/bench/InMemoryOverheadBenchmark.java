package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * canned response of {@code bodyBytes} at once (1171: the ~1 KB one), so what remains is encoding,
 * parsing, and the strategy's own machinery (executors, threads, futures). Across {@code
 * bodyBytes}, {@code DIRECT}'s overhead should grow as the body's parse cost does ({@link
 * HelperCostBenchmark}), and no faster.
 *
 * <p>Overhead of a strategy = {@code path=X} − {@code path=RAW_BLOCKING} in the same run; the async
 * path's overhead = {@code SHARED_LOOP} − {@code RAW_ASYNC}. The project's target for the direct
 * path: for the ~1 KB body, {@code DIRECT} adds at most 10 µs and 2 KB per call over {@code
 * RAW_BLOCKING} (the README says whether the committed baseline meets it).
 *
 * <p>The adapter runs its continuations on its own executor here; how the answer changes with the
 * executor and the CPU count is {@link ExecutorEnvironmentBenchmark}'s question.
 *
 * <p>Three system properties are test-only knobs that prove the gates detect a known regression:
 * {@code dualpath.bench.extraDelayNanos} adds a spin delay to every in-memory exchange, {@code
 * dualpath.bench.slowdownFraction} stretches every measured call by that fraction of its own time
 * ({@link ProportionalSlowdown}: an exact relative change whatever the fork's speed), {@code
 * dualpath.bench.extraAllocBytes} a {@code byte[]} of that length.
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

    /** The time knob named in the class Javadoc; 0 unless set. */
    public static final String EXTRA_DELAY_PROPERTY = "dualpath.bench.extraDelayNanos";

    /** The relative time knob named in the class Javadoc, e.g. {@code 0.05}; none unless set. */
    public static final String SLOWDOWN_FRACTION_PROPERTY = "dualpath.bench.slowdownFraction";

    /** The allocation knob named in the class Javadoc; 0 unless set. */
    public static final String EXTRA_ALLOC_PROPERTY = "dualpath.bench.extraAllocBytes";

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

    /**
     * The response body's size in bytes; 1171 is the canned ~1 KB body. The raw calls hand back the
     * same bytes at every size, so what grows with it is the adapter's parsing.
     */
    @Param({"1171", "65536", "1048576"})
    public int bodyBytes;

    private Target target;

    private @Nullable ProportionalSlowdown slowdown;

    @Setup(Level.Trial)
    public void setUp() {
        slowdown = ProportionalSlowdown.fromProperty(SLOWDOWN_FRACTION_PROPERTY);
        if (slowdown != null) {
            // In the fork's output, so a run's log records the calibrated fixed cost.
            System.out.println("knob: " + slowdown);
        }
        long extraNanos = Long.getLong(EXTRA_DELAY_PROPERTY, 0L);
        int extraBytes = Integer.getInteger(EXTRA_ALLOC_PROPERTY, 0);
        target =
                Target.inMemory(
                        ContinuationExecutor.OWNED_POOL,
                        Duration.ofNanos(extraNanos),
                        bodyBytes,
                        extraBytes);
        target.check(path);
    }

    /** Outside the measured time: the knob must not stretch the pause between iterations. */
    @Setup(Level.Iteration)
    public void startIteration() {
        ProportionalSlowdown knob = slowdown;
        if (knob != null) knob.restartWindow();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        target.close();
    }

    /**
     * One call through {@code path}; returned so JMH consumes it. {@code caller} lets {@link
     * CallCostProfiler} count the calling thread's bytes, CPU time and context switches (read once
     * per iteration, never per call).
     */
    @Benchmark
    public Object call(CallerThread caller) {
        ProportionalSlowdown knob = slowdown;
        return knob == null ? path.call(target) : knob.call(path, target);
    }
}
