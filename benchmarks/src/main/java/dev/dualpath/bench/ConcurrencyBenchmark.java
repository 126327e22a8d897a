package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.compat.Await;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.bench.stub.StubMode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * <b>Question:</b> how do the strategies behave with 1, 4, 16 and 64 concurrent callers? Calls per
 * second, p99 latency, and threads started per call, for {@code DIRECT}, {@code LOOP_PER_CALL},
 * {@code SHARED_LOOP} and native async ({@code invoke()} without a blocked thread per call),
 * against the fake provider at a fixed {@code delayMs} (10 ms by default, so that callers overlap).
 *
 * <p><b>Callers.</b> A blocking caller is a JMH worker thread: JMH starts and stops all of them
 * together (synchronised iterations) and times every one, which hand-made worker pools inside a
 * benchmark would bypass. {@code @Threads} cannot be a {@code @Param}, so the thread count comes
 * from the run ({@code -t}, or {@code Plan.threads}), and the {@code callers} param is a label that
 * makes the count part of each result's identity (results are compared by benchmark and params, and
 * the same params at two thread counts would collide). Setup fails unless the label matches: the
 * blocking methods need {@code -t callers}, the async ones {@code -t 1}.
 *
 * <p><b>Native async</b> has no blocked thread per call, so one JMH thread holds the {@code
 * callers} param calls in flight, through the adapter ({@code path=INVOKE}) or the raw async
 * transport alone ({@code path=RAW_ASYNC}, the floor the adapter's async path stands on):
 *
 * <ul>
 *   <li>{@link #asyncThroughput}: a ring of the {@code callers} param calls ({@link CallRing});
 *       each op takes the next call to complete and issues its replacement, so the {@code callers}
 *       param stay in flight and one op is one call, as for a blocking caller. Its time per op is
 *       the gap between completions, not a call's latency, hence throughput mode only;
 *   <li>{@link #asyncLatency}: each op issues the {@code callers} param calls at once and waits for
 *       all; its time is the batch's, which bounds from above the latency of every call in it (and
 *       is the call's latency at {@code callers=1}). Batches leave the stub idle between rounds,
 *       which is why throughput comes from the ring instead.
 * </ul>
 *
 * <p><b>The ideal rate</b> is {@code callers / delay} (e.g. 1,600 calls/s at 16 callers and 10 ms):
 * what the client reaches when neither it nor the stub adds anything. The stub runs out of process
 * by default, with enough threads that it never holds a response back, so a rate below the ideal is
 * the client's, or a CPU's: {@link CallCostProfiler} reports how busy the fork ({@code
 * fork.cpu.util}) and the stub ({@code stub.cpu.util}) were, in CPUs, so a report can say which
 * side saturated.
 *
 * <p><b>Warm-up.</b> JIT compilers count calls, and at a 10 ms delay a second holds few of them, so
 * each trial with a delay first makes up to {@link #WARM_UP_CALLS} calls through its path (as many
 * in flight as it will measure) against the stub answering at once, then sets the stub's delay to
 * {@code delayMs} for JMH's warm-up and measured iterations, which are unchanged.
 *
 * <p>{@code threads.started.norm} and {@code caller.alloc.norm} come from {@link CallCostProfiler}
 * (JVM-wide threads; in process, the stub's included). Throughput is {@code ops/s}; latency µs.
 *
 * <p>The transport pool holds at least {@code max(64, callers)} connections, so no caller waits for
 * one (docs/calibration.md#pool-sizes); the stub runs 200 Jetty threads, 128 threads sending
 * delayed responses and no request journal, since WireMock's defaults cap throughput well below 64
 * callers (docs/calibration.md#wiremock-concurrency-and-the-request-journal).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'ConcurrencyBenchmark.blocking' -t 16
 * -p callers=16 -prof dev.dualpath.bench.CallCostProfiler} and {@code java -jar
 * benchmarks/target/benchmarks.jar 'ConcurrencyBenchmark.async' -t 1 -p callers=1,4,16,64 -prof
 * dev.dualpath.bench.CallCostProfiler}
 */
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class ConcurrencyBenchmark {

    /** The stub and the adapter, once per fork, shared by every caller. */
    @State(Scope.Benchmark)
    public static class Stub {

        /**
         * Concurrent calls: JMH threads for the blocking methods, calls in flight for the async
         * ones.
         */
        @Param({"1"})
        public int callers;

        @Param({"10"})
        public int delayMs;

        @Param({"APACHE"})
        public TransportKind transport;

        @Param({"OUT_OF_PROCESS"})
        public StubMode stubMode;

        ServedStub stub;
        Target target;

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams run) {
            requireThreads(run.getBenchmark(), callers, run.getThreads());
            // At once until the path under test has warmed up (warmUp), then at delayMs.
            stub = ServedStub.open(stubMode, Target.SMALLEST_BODY_BYTES, Duration.ZERO);
            TransportConfig config =
                    TransportConfig.DEFAULTS.withMaxConnections(Math.max(64, callers));
            target =
                    Target.over(
                            stub.baseUrl(),
                            transport.factory(config),
                            ContinuationExecutor.OWNED_POOL);
            target.check(BenchPath.SHARED_LOOP); // invoke() + join: what INVOKE calls
            target.check(BenchPath.RAW_ASYNC); // the raw async transport: what RAW_ASYNC calls
        }

        /**
         * Makes {@code call} (one call, blocking until it is answered) up to {@link #WARM_UP_CALLS}
         * times, for {@link #WARM_UP_LIMIT} at most, against the stub answering at once. With no
         * delay, the warm-up iterations make calls enough, and this makes none.
         */
        void warmUp(Runnable call) {
            if (delayMs == 0) {
                return;
            }
            long end = System.nanoTime() + WARM_UP_LIMIT.toNanos();
            for (int i = 0; i < WARM_UP_CALLS && System.nanoTime() < end; i++) {
                call.run();
            }
        }

        /**
         * Has the stub answer after {@code delayMs} from now on. No call may be in flight: the stub
         * is replaced, and a request that arrives meanwhile finds none (a 404).
         */
        void delayAnswers() {
            if (delayMs > 0) {
                stub.answerAfter(Duration.ofMillis(delayMs));
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                target.close();
            } finally {
                stub.close();
            }
        }
    }

    /** How a native async call is started: one {@code @Param} for both async methods. */
    public enum InFlight {
        /** The raw async transport alone, request pre-encoded, response not parsed. */
        RAW_ASYNC {
            @Override
            CompletableFuture<?> start(Target t) {
                return t.transport().executeAsync(t.wire());
            }
        },
        /** The adapter's {@code invoke()}: encode, exchange, then parse on its executor. */
        INVOKE {
            @Override
            CompletableFuture<?> start(Target t) {
                return t.adapter().invoke(t.request());
            }
        };

        abstract CompletableFuture<?> start(Target t);
    }

    /**
     * Calls a trial makes before its warm-up iterations, against the stub answering at once. At 10
     * ms per call the warm-up iterations alone make about 500 calls at 1 caller, far fewer than the
     * JIT needs: measured without this, the forks' JIT compiled for 52-928 ms of each 1 s iteration
     * at 4 and 16 callers; with it, for 0-333 ms, and the calling thread's CPU per call at 16
     * callers fell from 16-77 µs to 7-14 µs (docs/calibration.md, "Warming up a benchmark that
     * waits").
     */
    static final int WARM_UP_CALLS = 20_000;

    /** The most a trial spends on {@link #WARM_UP_CALLS}, for the slow paths. */
    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(10);

    /** The native async call under test; only the async methods use it. */
    @State(Scope.Benchmark)
    public static class Async {

        @Param({"RAW_ASYNC", "INVOKE"})
        public InFlight path;

        /**
         * Warms the path up with the {@code callers} param calls in flight, as the ring keeps them,
         * then sets the stub's delay.
         */
        @Setup(Level.Trial)
        public void warmUp(Stub stub) {
            CallRing ring = new CallRing(stub.callers, () -> start(stub));
            stub.warmUp(ring::advance);
            ring.drain();
            stub.delayAnswers();
        }

        CompletableFuture<?> start(Stub stub) {
            return path.start(stub.target);
        }
    }

    /**
     * The blocking strategy under test; only the blocking methods use it, so it does not multiply
     * the async ones.
     */
    @State(Scope.Benchmark)
    public static class Blocking {

        @Param({"DIRECT", "LOOP_PER_CALL", "SHARED_LOOP"})
        public BenchPath path;

        /** Checks the path's answer, warms it up, then sets the stub's delay. */
        @Setup(Level.Trial)
        public void check(Stub stub) {
            stub.target.check(path);
            stub.warmUp(() -> path.call(stub.target));
            stub.delayAnswers();
        }
    }

    /**
     * One JMH thread's ring of the {@code callers} param calls in flight ({@link CallRing}: taken
     * as they complete), refilled each iteration and drained after it, so no call outlives it.
     */
    @State(Scope.Thread)
    public static class Ring {
        private CallRing calls;

        @Setup(Level.Iteration)
        public void fill(Stub stub, Async async) {
            calls = new CallRing(stub.callers, () -> async.start(stub));
            CallMeter.calls(calls.inFlight());
        }

        /** Waits for the next call to complete, starts its replacement, returns its result. */
        Object advance() {
            return calls.advance();
        }

        @TearDown(Level.Iteration)
        public void drain() {
            // A failed call fails the benchmark, after the others have completed.
            calls.drain();
        }
    }

    /**
     * The number of JMH threads a method needs for the {@code callers} param.
     *
     * @throws IllegalStateException naming both counts when {@code threads} is not it
     */
    static void requireThreads(String benchmark, int callers, int threads) {
        if (callers < 1) {
            throw new IllegalStateException("callers must be >= 1, was " + callers);
        }
        boolean async = benchmark.substring(benchmark.lastIndexOf('.') + 1).startsWith("async");
        int expected = async ? 1 : callers;
        if (threads != expected) {
            throw new IllegalStateException(
                    benchmark
                            + " with callers="
                            + callers
                            + " needs "
                            + expected
                            + " JMH thread(s) (-t "
                            + expected
                            + "), ran with "
                            + threads);
        }
    }

    /**
     * Calls per second with the {@code callers} param threads each blocked in one call through
     * {@code path}.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object blockingThroughput(Stub stub, Blocking blocking, CallerThread meter) {
        CallMeter.calls(1);
        return blocking.path.call(stub.target);
    }

    /**
     * The same call, timed one by one: its latency percentiles under the {@code callers} param
     * threads.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object blockingLatency(Stub stub, Blocking blocking, CallerThread meter) {
        CallMeter.calls(1);
        return blocking.path.call(stub.target);
    }

    /**
     * Native async throughput: one thread keeps the {@code callers} param calls in flight; one op =
     * one completed call.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object asyncThroughput(Stub stub, Async async, Ring ring, CallerThread meter) {
        Object done = ring.advance();
        CallMeter.calls(1);
        return done;
    }

    /**
     * Native async latency: the {@code callers} param calls issued at once from one thread, until
     * the last answers.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object asyncLatency(Stub stub, Async async, CallerThread meter) {
        CompletableFuture<?>[] batch = new CompletableFuture<?>[stub.callers];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = async.start(stub);
        }
        CallMeter.calls(batch.length);
        Object last = null;
        for (CompletableFuture<?> call : batch) {
            last = Await.result(call, null);
        }
        return last;
    }
}
