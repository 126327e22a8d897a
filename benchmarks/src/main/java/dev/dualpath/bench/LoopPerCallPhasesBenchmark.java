package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.compat.PerCallLoop;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * <b>Question:</b> where does the per-call wrapper's cost go? The original write-up split its ~1.1
 * ms into create (~0.5 ms), run (~0.5 ms) and close (~0.1 ms). This times each phase of {@link
 * PerCallLoop} alone, on the in-memory transport, plus the whole sequence.
 *
 * <ul>
 *   <li>{@code create}: {@code new_event_loop()} — a single-thread executor (its thread not yet
 *       started);
 *   <li>{@code run}: {@code run_until_complete()} — the first task starts the thread, drives {@code
 *       invoke()} to completion (the in-memory call itself is included, a few µs);
 *   <li>{@code close}: {@code close()} — shut down and wait for the thread to end;
 *   <li>{@code whole}: all three, as {@code LOOP_PER_CALL} does them.
 * </ul>
 *
 * Phases are isolated with per-invocation setup and teardown, which JMH times outside the
 * measurement; its timestamps add tens of nanoseconds, small next to these phases but visible on
 * {@code create}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LoopPerCallPhasesBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(3)
public class LoopPerCallPhasesBenchmark {

    /** The adapter, once per fork. */
    @State(Scope.Benchmark)
    public static class Adapter {
        Target target;

        @Setup(Level.Trial)
        public void setUp() {
            target = Target.inMemory(ContinuationExecutor.OWNED_POOL, java.time.Duration.ZERO);
            target.check(BenchPath.LOOP_PER_CALL);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            target.close();
        }

        UnifiedChatResponse runOn(PerCallLoop loop) {
            return loop.run(executor -> target.adapter().invoke(target.request(), executor), null);
        }
    }

    /** A loop created before the measured call and closed after it. */
    @State(Scope.Thread)
    public static class FreshLoop {
        PerCallLoop loop;

        @Setup(Level.Invocation)
        public void open() {
            loop = PerCallLoop.open();
        }

        @TearDown(Level.Invocation)
        public void close() {
            loop.close();
        }
    }

    /** A loop that has already run one call, waiting to be closed by the measured call. */
    @State(Scope.Thread)
    public static class UsedLoop {
        PerCallLoop loop;

        @Setup(Level.Invocation)
        public void openAndRun(Adapter adapter) {
            loop = PerCallLoop.open();
            adapter.runOn(loop);
        }
    }

    /** A loop created by the measured call, closed after it. */
    @State(Scope.Thread)
    public static class Created {
        PerCallLoop loop;

        @TearDown(Level.Invocation)
        public void close() {
            if (loop != null) {
                loop.close();
            }
        }
    }

    /** Phase 1 alone: creating the executor. */
    @Benchmark
    public PerCallLoop create(Created created) {
        created.loop = PerCallLoop.open();
        return created.loop;
    }

    /** Phase 2 alone: the first task (thread start) and the call it drives. */
    @Benchmark
    public UnifiedChatResponse run(Adapter adapter, FreshLoop fresh) {
        return adapter.runOn(fresh.loop);
    }

    /** Phase 3 alone: shutting down and awaiting the thread's end. */
    @Benchmark
    public void close(UsedLoop used) {
        used.loop.close();
    }

    /** All three phases, as one {@code LOOP_PER_CALL} call makes them. */
    @Benchmark
    public UnifiedChatResponse whole(Adapter adapter) {
        try (PerCallLoop loop = PerCallLoop.open()) {
            return adapter.runOn(loop);
        }
    }
}
