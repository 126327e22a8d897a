package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
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
 * <b>Question:</b> how does the environment change what a sync-over-async call costs? Many users'
 * CI runs in containers with 1–2 CPUs, where JDK 17's {@code CompletableFuture} default async
 * executor is a new thread per task (the common pool has parallelism 1 below 3 CPUs). This crosses,
 * on the in-memory transport:
 *
 * <ul>
 *   <li>{@code continuations}: {@code OWNED_POOL} (the adapter passes its own executor) against
 *       {@code DEFAULT_ASYNC} (what code gets that passes none);
 *   <li>{@code cpus}: the processor count the fork's JVM sees. 0 means the machine's; any other
 *       value must come with {@code -XX:ActiveProcessorCount=N} in the fork's JVM arguments (the
 *       full profile pairs them), and {@code @Setup} refuses to measure when the JVM sees another
 *       count, so the label cannot lie.
 * </ul>
 *
 * The JVM itself is the third dimension: run the same profile with {@code ./dualpath run --jvm
 * /path/to/jdk25/bin/java} and compare the two runs with {@code gate} or {@code report}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ExecutorEnvironmentBenchmark -p cpus=1
 * -jvmArgsAppend -XX:ActiveProcessorCount=1 -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class ExecutorEnvironmentBenchmark {

    @Param({"RAW_ASYNC", "DIRECT", "LOOP_PER_CALL", "SHARED_LOOP"})
    public BenchPath path;

    @Param({"OWNED_POOL", "DEFAULT_ASYNC"})
    public ContinuationExecutor continuations;

    @Param({"0"})
    public int cpus;

    private Target target;

    @Setup(Level.Trial)
    public void setUp() {
        int seen = Runtime.getRuntime().availableProcessors();
        if (cpus != 0 && seen != cpus) {
            throw new IllegalStateException(
                    "cpus="
                            + cpus
                            + " but this JVM sees "
                            + seen
                            + " processors: pass -XX:ActiveProcessorCount="
                            + cpus
                            + " to the fork");
        }
        target = Target.inMemory(continuations, java.time.Duration.ZERO);
        target.check(path);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        target.close();
    }

    /** One call through {@code path}. */
    @Benchmark
    public Object call() {
        return path.call(target);
    }
}
