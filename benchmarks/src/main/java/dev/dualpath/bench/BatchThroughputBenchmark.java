package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.batch.BatchOptions;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.Latency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * <b>Question:</b> how many items per second does a batch get through, against the same requests
 * made one after another directly ({@code DIRECT}) and through the per-call wrapper ({@code
 * LOOP_PER_CALL}), at batch sizes 10 and 100 and concurrency limits 1, 4 and 16, when the provider
 * takes {@code delayMs} (10 ms) per call? The bar: a batch of 100 at limit 16 gets at least 10× the
 * items per second of {@code DIRECT}, every item answered, in order.
 *
 * <p>One op is one batch of {@code batchSize} requests, all of which must succeed (a failure fails
 * the benchmark). The figure to read is the {@code items} secondary result: items per second,
 * counted by a JMH {@code @AuxCounters} field (batches per second is the primary result). {@code
 * threads.started.norm} from {@link CallCostProfiler} is per item: {@code BATCH_SYNC} starts {@code
 * limit} worker threads per batch, {@code LOOP_PER_CALL} one per call.
 *
 * <p>Modes ({@link BatchMode}): {@code BATCH_SYNC} ({@code invokeBatchSync}), {@code BATCH_ASYNC}
 * ({@code invokeBatch}), {@code DIRECT} and {@code LOOP_PER_CALL} (sequential; they ignore {@code
 * limit}, so the profiles run them at limit 1 only). Ideal figures at 10 ms: sequential about
 * 1000/(10 + overhead) items/s; a batch about {@code limit}× that, less the tail of its last round
 * (100 items at limit 16 take 7 rounds, not 6.25).
 *
 * <p>The stub runs 200 Jetty threads with asynchronous delays ({@code
 * FakeProvider.Options.benchmark()}), so 16 delayed calls at once do not queue in it; the transport
 * pool holds {@code max(64, limit)} connections. The stub shares the fork's JVM and warms with it
 * (its service time falls from about 1 ms to 0.35 ms per request over the first seconds), hence 6 s
 * of warm-up. {@code @Setup} checks that every mode answers every request, in input order, with the
 * stub's response.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BatchThroughputBenchmark -p
 * batchSize=100 -p limit=16 -prof dev.dualpath.bench.CallCostProfiler}, or the full profile's plans
 * ({@code ./dualpath run --profile full --only batch --no-open-loop}, about 13 minutes); {@code
 * summary.md} then has the table of items per second, the ratios to {@code DIRECT} and the bar's
 * verdict.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class BatchThroughputBenchmark {

    @Param({"10", "100"})
    public int batchSize;

    @Param({"1", "4", "16"})
    public int limit;

    @Param({"BATCH_SYNC", "BATCH_ASYNC", "DIRECT", "LOOP_PER_CALL"})
    public BatchMode mode;

    @Param({"10"})
    public int delayMs;

    @Param({"APACHE"})
    public TransportKind transport;

    private FakeProvider provider;
    private Target target;
    private List<ChatRequest> requests;
    private BatchOptions options;

    /** Items answered, reported by JMH as a rate: the figure this benchmark is about. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Items {
        /** Items answered in this iteration. */
        public long items;

        @Setup(Level.Iteration)
        public void reset() {
            items = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        provider = FakeProvider.start(FakeProvider.Options.benchmark());
        StubMeter.watch(provider);
        provider.stubSuccess(CannedBodies.success(), new Latency.Fixed(Duration.ofMillis(delayMs)));
        TransportConfig config = TransportConfig.DEFAULTS.withMaxConnections(Math.max(64, limit));
        target =
                Target.over(
                        provider.baseUrl(),
                        transport.factory(config),
                        ContinuationExecutor.OWNED_POOL);
        requests = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            requests.add(target.request().withRequestId("item-" + i));
        }
        options = BatchOptions.builder().limit(limit).build();
        check(mode.run(target.adapter(), requests, options));
    }

    /**
     * Fails fast unless every request was answered with the stub's response, in input order: a
     * benchmark that lost or reordered items would measure something else.
     *
     * @throws IllegalStateException naming the mode and the first item that is wrong
     */
    void check(List<UnifiedChatResponse> responses) {
        if (responses.size() != batchSize) {
            throw new IllegalStateException(
                    "setup check failed: "
                            + mode
                            + " answered "
                            + responses.size()
                            + " of "
                            + batchSize);
        }
        for (int i = 0; i < batchSize; i++) {
            UnifiedChatResponse r = responses.get(i);
            String id = r.metadata() == null ? null : r.metadata().requestId();
            if (!Target.EXPECTED_CONTENT.equals(r.content()) || !("item-" + i).equals(id)) {
                throw new IllegalStateException(
                        "setup check failed: " + mode + " item " + i + " is " + id + ": " + r);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        target.close();
        provider.close();
    }

    /** One batch of {@code batchSize} requests through {@code mode}. */
    @Benchmark
    public Object batch(Items items) {
        List<UnifiedChatResponse> responses = mode.run(target.adapter(), requests, options);
        items.items += batchSize;
        CallMeter.calls(batchSize);
        return responses;
    }
}
