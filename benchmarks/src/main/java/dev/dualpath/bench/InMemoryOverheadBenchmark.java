package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.transport.InMemoryTransport;
import java.net.URI;
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
 * path's overhead = {@code SHARED_LOOP} − {@code RAW_ASYNC}. Bar from the benchmarks issue:
 * {@code DIRECT} adds at most 10 µs and 2 KB per call over {@code RAW_BLOCKING}.
 *
 * <p>{@code continuations} is the environment dimension: {@code OWNED_POOL} (the adapter passes
 * its own executor) against {@code DEFAULT_ASYNC} (what code gets that passes none; a thread per
 * task on JDK 17 with fewer than 3 CPUs).
 *
 * <p>{@code cpus} is the processor count the fork's JVM sees: 0 means whatever the machine has;
 * any other value must be paired with {@code -XX:ActiveProcessorCount=N} in the fork's JVM
 * arguments (the full profile does), and {@code @Setup} refuses to measure if the JVM sees another
 * count, so the label can never lie. Below 3 CPUs JDK 17's default async executor is a thread per task.
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

    @Param({"RAW_BLOCKING", "RAW_ASYNC", "DIRECT", "LOOP_PER_CALL", "SHARED_LOOP", "SEED_LITERAL"})
    public BenchPath path;

    @Param({"OWNED_POOL"})
    public ContinuationExecutor continuations;

    @Param({"0"})
    public int cpus;

    private Target target;

    @Setup(Level.Trial)
    public void setUp() {
        requireCpus(cpus);
        long extraNanos = Long.getLong(EXTRA_DELAY_PROPERTY, 0L);
        InMemoryTransport transport = InMemoryTransport.fixed(Target.cannedResponse())
                .withExtraDelay(Duration.ofNanos(extraNanos));
        target = Target.over(URI.create("http://127.0.0.1:1"), transport, continuations);
        target.check(path);
    }

    /**
     * @throws IllegalStateException if {@code expected} is not 0 and the JVM sees another processor count
     */
    static void requireCpus(int expected) {
        int seen = Runtime.getRuntime().availableProcessors();
        if (expected != 0 && seen != expected) {
            throw new IllegalStateException("cpus=" + expected + " but this JVM sees " + seen
                    + " processors: pass -XX:ActiveProcessorCount=" + expected + " to the fork");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        target.close();
    }

    /** One call through {@code path}; returned so JMH consumes it. */
    @Benchmark
    public Object call() {
        return path.call(target);
    }
}
