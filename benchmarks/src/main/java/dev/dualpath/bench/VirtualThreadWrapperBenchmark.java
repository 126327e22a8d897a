package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.compat.PerCallLoop;
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
 * <b>Question:</b> on JDK 21+, does a virtual thread make the per-call wrapper cheap? The
 * original's "before" pays for a platform thread per call (~200 µs to start on this VM); a virtual
 * thread costs far less to start. Compared on the in-memory transport with the platform-thread
 * wrapper and {@code DIRECT}.
 *
 * <p>Needs a JDK 21+ fork JVM: {@code ./dualpath run --profile full --jvm
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java} includes it; on JDK 17 the run leaves it out and
 * {@code @Setup} would refuse it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar VirtualThreadWrapperBenchmark -jvm
 * /path/to/jdk25/bin/java}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class VirtualThreadWrapperBenchmark {

    @Param({"DIRECT", "LOOP_PER_CALL", "VIRTUAL_LOOP_PER_CALL"})
    public BenchPath path;

    private Target target;

    @Setup(Level.Trial)
    public void setUp() {
        if (!PerCallLoop.virtualThreadsAvailable()) {
            throw new IllegalStateException(
                    "VirtualThreadWrapperBenchmark needs a JDK 21+ fork JVM; this is "
                            + Runtime.version()
                            + " (pass --jvm)");
        }
        target = Target.inMemory(ContinuationExecutor.OWNED_POOL, java.time.Duration.ZERO);
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
