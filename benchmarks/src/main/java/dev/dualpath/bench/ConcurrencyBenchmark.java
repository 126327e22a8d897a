package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.compat.Await;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.Latency;
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
 * callers} param calls in flight:
 *
 * <ul>
 *   <li>{@link #asyncThroughput}: a ring of the {@code callers} param futures; each op waits for
 *       the oldest, takes its result and issues a replacement, so the {@code callers} param stay in
 *       flight and one op is one call, as for a blocking caller. Its time per op is the gap between
 *       completions, not a call's latency, hence throughput mode only;
 *   <li>{@link #asyncLatency}: each op issues the {@code callers} param calls at once and waits for
 *       all; its time is the batch's, which bounds from above the latency of every call in it (and
 *       is the call's latency at {@code callers=1}). Batches leave the stub idle between rounds,
 *       which is why throughput comes from the ring instead.
 * </ul>
 *
 * <p>{@code threads.started.norm} and {@code caller.alloc.norm} come from {@link CallCostProfiler}
 * (JVM-wide threads, the stub's included). Throughput is {@code ops/s}; latency µs.
 *
 * <p>The transport pool holds at least {@code max(64, callers)} connections, so no caller waits for
 * one (docs/calibration.md#pool-sizes); the stub runs 200 Jetty threads with asynchronous delays
 * and no request journal, since WireMock's defaults cap throughput well below 64 callers
 * (docs/calibration.md#wiremock-concurrency-and-the-request-journal).
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

        FakeProvider provider;
        Target target;

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams run) {
            requireThreads(run.getBenchmark(), callers, run.getThreads());
            provider = FakeProvider.start(FakeProvider.Options.benchmark());
            StubMeter.watch(provider); // stub.service.norm: the stub's own time per request
            provider.stubSuccess(
                    CannedBodies.success(), new Latency.Fixed(Duration.ofMillis(delayMs)));
            TransportConfig config =
                    TransportConfig.DEFAULTS.withMaxConnections(Math.max(64, callers));
            target =
                    Target.over(
                            provider.baseUrl(),
                            transport.factory(config),
                            ContinuationExecutor.OWNED_POOL);
            target.check(BenchPath.SHARED_LOOP); // invoke() + join: what the async methods call
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            target.close();
            provider.close();
        }

        CompletableFuture<UnifiedChatResponse> invoke() {
            return target.adapter().invoke(target.request());
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

        @Setup(Level.Trial)
        public void check(Stub stub) {
            stub.target.check(path);
        }
    }

    /**
     * One JMH thread's ring of the {@code callers} param calls in flight, refilled each iteration
     * and drained after it.
     */
    @State(Scope.Thread)
    public static class Ring {
        CompletableFuture<?>[] inFlight;
        int next;

        @Setup(Level.Iteration)
        public void fill(Stub stub) {
            inFlight = new CompletableFuture<?>[stub.callers];
            for (int i = 0; i < inFlight.length; i++) {
                inFlight[i] = stub.invoke();
            }
            CallMeter.calls(inFlight.length);
            next = 0;
        }

        @TearDown(Level.Iteration)
        public void drain() {
            // A failed call fails the benchmark, and no call outlives the iteration.
            for (CompletableFuture<?> call : inFlight) {
                Await.result(call, null);
            }
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
    public Object asyncThroughput(Stub stub, Ring ring, CallerThread meter) {
        int i = ring.next;
        Object done = Await.result(ring.inFlight[i], null);
        ring.inFlight[i] = stub.invoke();
        CallMeter.calls(1);
        ring.next = i + 1 == ring.inFlight.length ? 0 : i + 1;
        return done;
    }

    /**
     * Native async latency: the {@code callers} param calls issued at once from one thread, until
     * the last answers.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object asyncLatency(Stub stub, CallerThread meter) {
        CompletableFuture<?>[] batch = new CompletableFuture<?>[stub.callers];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = stub.invoke();
        }
        CallMeter.calls(batch.length);
        Object last = null;
        for (CompletableFuture<?> call : batch) {
            last = Await.result(call, null);
        }
        return last;
    }
}
