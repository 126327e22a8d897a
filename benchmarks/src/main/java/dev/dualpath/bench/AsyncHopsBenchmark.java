package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.compat.Await;
import dev.dualpath.adapter.compat.PerCallLoop;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.bench.stub.StubMode;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <b>Question:</b> on loopback, where does each microsecond of a sync-over-async call go? Each call
 * stamps the points it passes ({@link HandOff}), each on the thread that reaches it, and {@link
 * CallCostProfiler} reports the mean of every hop as {@code hop.*} (µs per call), beside the call's
 * own time:
 *
 * <ul>
 *   <li>{@code RAW_ASYNC}: the async transport alone, joined: submit, exchange (the transport's own
 *       thread completes the future), wake (the caller runs again). The floor the async path stands
 *       on.
 *   <li>{@code SHARED_LOOP}: {@code invoke()} and {@code join()}: submit, exchange, then one of two
 *       ways. When the exchange ends while the caller already waits in {@code join()} (the usual
 *       case on loopback), {@code invoke()}'s future hands the continuation (parse, complete the
 *       future) to the waiting caller, past the executor, so only wake is stamped and it includes
 *       the continuation. When the exchange ended first, dispatch (the continuation executor's
 *       thread starts the task), continuation and wake, as before the adapter handed continuations
 *       to a waiting caller.
 *   <li>{@code LOOP_PER_CALL}: create (a fresh single-thread executor), thread start (its first
 *       task runs on the new thread), then as {@code SHARED_LOOP} on that thread, and close (shut
 *       down, thread ended).
 * </ul>
 *
 * Hops are consecutive and sum to the call, less the stamps' own cost (a few tens of ns each). A
 * negative mean hop means threads on two CPUs overlapped there (a caller woken before its waker's
 * last stamp). The paths are built from the same public pieces {@code SyncStrategy} uses, with the
 * transport and the continuation executor wrapped to stamp; compare each total with the same path
 * in {@link LoopbackLatencyBenchmark} (unstamped) to see that the stamps cost nothing visible.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AsyncHopsBenchmark -prof
 * dev.dualpath.bench.CallCostProfiler}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class AsyncHopsBenchmark {

    /** The stamped paths. */
    public enum HopPath {
        /** The async transport's own future, joined. */
        RAW_ASYNC {
            @Override
            Object call(AsyncHopsBenchmark b, HandOffStamps s) {
                var exchange = b.target.transport().executeAsync(b.target.wire());
                s.mark(HandOff.SUBMITTED);
                return Await.result(exchange, null);
            }
        },
        /** {@code invoke()} on a long-lived pool, joined ({@code SyncStrategy.SHARED_LOOP}). */
        SHARED_LOOP {
            @Override
            Object call(AsyncHopsBenchmark b, HandOffStamps s) {
                var result =
                        b.target
                                .adapter()
                                .invoke(b.target.request(), new TimedExecutor(b.continuations, s));
                s.mark(HandOff.SUBMITTED);
                return Await.result(result, b.target.request().requestId());
            }
        },
        /** A fresh loop per call driving {@code invoke()} ({@code SyncStrategy.LOOP_PER_CALL}). */
        LOOP_PER_CALL {
            @Override
            Object call(AsyncHopsBenchmark b, HandOffStamps s) {
                PerCallLoop loop = PerCallLoop.open();
                s.mark(HandOff.CREATED);
                try {
                    return loop.run(
                            executor -> {
                                s.mark(HandOff.LOOP_STARTED);
                                var result =
                                        b.target
                                                .adapter()
                                                .invoke(
                                                        b.target.request(),
                                                        new TimedExecutor(executor, s));
                                s.mark(HandOff.SUBMITTED);
                                return result;
                            },
                            b.target.request().requestId());
                } finally {
                    s.mark(HandOff.RETURNED);
                    loop.close();
                    s.mark(HandOff.CLOSED);
                }
            }
        };

        /** One stamped call (RETURNED is stamped by the caller, except where the path does). */
        abstract Object call(AsyncHopsBenchmark b, HandOffStamps s);
    }

    @Param({"RAW_ASYNC", "SHARED_LOOP", "LOOP_PER_CALL"})
    public HopPath path;

    @Param({"APACHE", "JDK"})
    public TransportKind transport;

    @Param({"0"})
    public int delayMs;

    @Param({"OUT_OF_PROCESS"})
    public StubMode stubMode;

    private ServedStub stub;
    private Target target;
    private ExecutorService continuations;
    private volatile HandOffStamps current = new HandOffStamps();

    @Setup(Level.Trial)
    public void setUp() {
        stub = ServedStub.open(stubMode, Target.SMALLEST_BODY_BYTES, Duration.ofMillis(delayMs));
        target =
                Target.over(
                        stub.baseUrl(),
                        () ->
                                new TimedTransport(
                                        transport.create(TransportConfig.DEFAULTS), () -> current),
                        ContinuationExecutor.OWNED_POOL);
        // The same kind of pool the adapter owns (OWNED_POOL), so that SHARED_LOOP's hops are the
        // adapter's own; a wrapper per call stamps around its tasks.
        AtomicInteger n = new AtomicInteger();
        continuations =
                Executors.newFixedThreadPool(
                        Math.max(2, Runtime.getRuntime().availableProcessors()),
                        r -> {
                            Thread t = new Thread(r, "hops-continuation-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        target.checkResult(path.name(), call());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            continuations.shutdownNow();
            target.close();
        } finally {
            stub.close();
        }
    }

    /** One stamped call through {@code path}; its hops go to {@link HopMeter}. */
    @Benchmark
    public Object call() {
        HandOffStamps s = new HandOffStamps();
        current = s;
        Object result = path.call(this, s);
        if (path != HopPath.LOOP_PER_CALL) {
            s.mark(HandOff.RETURNED);
        }
        HopMeter.record(s);
        return result;
    }
}
