package dev.dualpath.bench.run;

import static dev.dualpath.bench.run.Profile.BATCH;
import static dev.dualpath.bench.run.Profile.BODIES;
import static dev.dualpath.bench.run.Profile.BODY;
import static dev.dualpath.bench.run.Profile.CALL_PARTS;
import static dev.dualpath.bench.run.Profile.CONCURRENCY_ASYNC;
import static dev.dualpath.bench.run.Profile.CONCURRENCY_BLOCKING;
import static dev.dualpath.bench.run.Profile.DELAY;
import static dev.dualpath.bench.run.Profile.ENVIRONMENT;
import static dev.dualpath.bench.run.Profile.HELPERS;
import static dev.dualpath.bench.run.Profile.HOPS;
import static dev.dualpath.bench.run.Profile.IN_MEMORY;
import static dev.dualpath.bench.run.Profile.IN_PROCESS;
import static dev.dualpath.bench.run.Profile.LARGE_BODY;
import static dev.dualpath.bench.run.Profile.LOOPBACK;
import static dev.dualpath.bench.run.Profile.LOOPBACK_ASYNC_WARMUP;
import static dev.dualpath.bench.run.Profile.LOOPBACK_WARMUP;
import static dev.dualpath.bench.run.Profile.OUT_OF_PROCESS;
import static dev.dualpath.bench.run.Profile.PAIRED_FLOORS;
import static dev.dualpath.bench.run.Profile.PATH;
import static dev.dualpath.bench.run.Profile.PEERS;
import static dev.dualpath.bench.run.Profile.PHASES;
import static dev.dualpath.bench.run.Profile.PHASES_WITH_A_THREAD;
import static dev.dualpath.bench.run.Profile.SMALL_BODY;
import static dev.dualpath.bench.run.Profile.STREAMING;
import static dev.dualpath.bench.run.Profile.STUB;
import static dev.dualpath.bench.run.Profile.THREAD_PER_CALL_PATHS;
import static dev.dualpath.bench.run.Profile.TRANSPORT;
import static dev.dualpath.bench.run.Profile.TRANSPORTS;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The plans of {@link Profile#FULL}, apart from the profile list because there are many: every
 * latency up to 1500 ms on both transports, body sizes, the stub in and out of process, the async
 * hops, the helpers, the executor and CPU-count dimension, concurrency, the peers, batch throughput
 * and streaming.
 */
final class FullPlans {

    private FullPlans() {}

    static List<Plan> plans() {
        Duration second = Duration.ofSeconds(1);
        List<String> paths1500 = List.of("RAW_BLOCKING", "DIRECT", "LOOP_PER_CALL", "SEED_LITERAL");
        List<String> floors = List.of("RAW_BLOCKING", "RAW_ASYNC", "DIRECT", "SHARED_LOOP");
        return List.of(
                Plan.of(IN_MEMORY)
                        .label("in-memory")
                        .params(Map.of(BODY, BODIES))
                        .forks(5)
                        .warmup(5, second)
                        .warmupFor(new WarmupRule.ForParam(PATH, THREAD_PER_CALL_PATHS, 10))
                        .measurement(5, second)
                        .build(),
                Plan.of(PHASES)
                        .label("phases")
                        .forks(5)
                        .warmup(5, second)
                        .warmupFor(new WarmupRule.ForBenchmark(PHASES_WITH_A_THREAD, 10))
                        .measurement(5, second)
                        .build(),
                environment("1"),
                environment("2"),
                environment("4"),
                loopback(
                        "loopback",
                        Map.of(
                                DELAY, List.of("0", "1", "10", "100"),
                                TRANSPORT, TRANSPORTS,
                                BODY, List.of(SMALL_BODY),
                                STUB, List.of(OUT_OF_PROCESS))),
                // The async floor's third column (SHARED_LOOP with its continuations on the
                // transport's thread, beside the main plan's RAW_ASYNC and SHARED_LOOP at 0 ms),
                // the floors at larger bodies, and with the stub in the client's JVM.
                loopbackAtZero(
                        "loopback no hop",
                        List.of(SMALL_BODY),
                        OUT_OF_PROCESS,
                        List.of("SHARED_LOOP_NO_HOP")),
                loopbackAtZero(
                        "loopback body sizes",
                        List.of("65536", LARGE_BODY),
                        OUT_OF_PROCESS,
                        floors),
                loopbackAtZero("loopback stub in process", List.of(SMALL_BODY), IN_PROCESS, floors),
                Plan.of(LOOPBACK)
                        .label("loopback 1500 ms")
                        .params(
                                Map.of(
                                        DELAY,
                                        List.of("1500"),
                                        TRANSPORT,
                                        TRANSPORTS,
                                        BODY,
                                        List.of(SMALL_BODY),
                                        STUB,
                                        List.of(OUT_OF_PROCESS),
                                        PATH,
                                        paths1500))
                        .forks(3)
                        .warmup(2, Duration.ofSeconds(4))
                        .measurement(3, Duration.ofSeconds(8))
                        .build(),
                // Each path beside its floor in the same fork (PairedFloorBenchmark): the
                // ratio without the fork-to-fork spread that separate forks carry.
                Plan.of(PAIRED_FLOORS)
                        .label("paired floors")
                        .params(
                                Map.of(
                                        TRANSPORT,
                                        TRANSPORTS,
                                        "pair",
                                        List.of(
                                                "SHARED_LOOP_OVER_RAW_ASYNC",
                                                "DIRECT_OVER_RAW_BLOCKING")))
                        .forks(5)
                        .warmup(Profile.LOOPBACK_ASYNC_WARMUP.iterations(), second)
                        .measurement(4, second)
                        .build(),
                // Every hops path is an async one, which on loopback compiles until about 20 s
                // (Profile.LOOPBACK_ASYNC_WARMUP): at 8 s, 16 of 18 forks were still compiling
                // for 26-68 % of their measured time (results/round-20261202e/hops-8s/).
                Plan.of(HOPS)
                        .label("hops")
                        .forks(3)
                        .warmup(Profile.LOOPBACK_ASYNC_WARMUP.iterations(), second)
                        .measurement(5, second)
                        .build(),
                Plan.of(HELPERS)
                        .label("helpers")
                        .forks(2)
                        .warmup(3, second)
                        .measurement(3, second)
                        .build(),
                // Bytes per op do not vary between forks; 2 show that they do not.
                Plan.of(CALL_PARTS)
                        .label("call parts")
                        .forks(2)
                        .warmup(3, second)
                        .measurement(3, second)
                        .build(),
                concurrency(1),
                concurrency(4),
                concurrency(16),
                concurrency(64),
                // At 64 in flight the ring's JIT still compiled for up to 1 s a second through
                // the first two measured iterations after 5 s of warm-up, in 2 of 3 forks on two
                // runs, and those iterations ran 10-20 % slower (results/round-20261203c/, the
                // forks' fork.jit.ms); by the third it was done in every fork: 8 s.
                Plan.of(CONCURRENCY_ASYNC)
                        .label("concurrency async")
                        .params(Map.of("callers", CALLERS, DELAY, List.of("10")))
                        .forks(3)
                        .warmup(ASYNC_RING_WARMUP, second)
                        .measurement(5, second)
                        .threads(1)
                        .build(),
                Plan.of(PEERS)
                        .label("peers")
                        .params(Map.of(DELAY, List.of("0", "10")))
                        .forks(3)
                        .warmup(8, second)
                        .measurement(5, second)
                        .build(),
                batch("batch", List.of("1", "4", "16"), "BATCH_SYNC", "BATCH_ASYNC"),
                // The sequential modes ignore the limit: measured once, at limit 1.
                batch("batch sequential", List.of("1"), "DIRECT", "LOOP_PER_CALL"),
                firstToken(),
                streaming("streaming", STREAMING + "wholeStream", "5"),
                // Nothing to wait for: the time is the work, for the per-event overhead.
                streaming("streaming unpaced", STREAMING, "0"));
    }

    /**
     * A loopback plan at 0 ms on both transports, 3 forks, warmed as the main loopback plan is.
     *
     * @param label the plan's label ({@code run --only})
     * @param bodies the {@code bodyBytes} values
     * @param stub the stub's mode
     * @param paths the benchmark paths to run
     */
    private static Plan loopbackAtZero(
            String label, List<String> bodies, String stub, List<String> paths) {
        return loopback(
                label,
                Map.of(
                        DELAY, List.of("0"),
                        TRANSPORT, TRANSPORTS,
                        BODY, bodies,
                        STUB, List.of(stub),
                        PATH, paths));
    }

    /**
     * A loopback plan: 3 forks, {@code LOOPBACK_WARMUP} warm-up seconds (more for the async paths,
     * {@code LOOPBACK_ASYNC_WARMUP}), 5 measured seconds.
     *
     * @param label the plan's label ({@code run --only})
     * @param params the parameter values
     */
    private static Plan loopback(String label, Map<String, List<String>> params) {
        Duration second = Duration.ofSeconds(1);
        return Plan.of(LOOPBACK)
                .label(label)
                .params(params)
                .forks(3)
                .warmup(LOOPBACK_WARMUP, second)
                .warmupFor(LOOPBACK_ASYNC_WARMUP)
                .measurement(5, second)
                .build();
    }

    /**
     * Warm-up iterations (1 s each) of every streaming plan. At 4, every series of the unpaced plan
     * still had forks compiling for 26-63 % of the measured time, and the per-call loop's whole
     * stream measured 2.47 ms; at 12, only that path's forks were (27-32 %), and it measured 1.65
     * ms (results/round-20261201d/streaming-unpaced*).
     */
    static final int STREAMING_WARMUP = 12;

    /**
     * Every streaming path's total time with events {@code gapMs} apart ({@code include} picks the
     * methods); about 5 minutes paced (6 paths × 3 forks × 15 s, plus fork start-up), 11 unpaced
     * (both methods). 3 forks, not 2: with 2, Student's t has one degree of freedom.
     */
    private static Plan streaming(String label, String include, String gapMs) {
        return Plan.of(include)
                .label(label)
                .params(Map.of("gapMs", List.of(gapMs)))
                .forks(3)
                .warmup(STREAMING_WARMUP, Duration.ofSeconds(1))
                .measurement(3, Duration.ofSeconds(1))
                .build();
    }

    /**
     * Time to first token, the first event one gap (5 ms) after the headers, every path, 8 forks
     * (about 14 minutes). The stub waits in whole milliseconds, so the first event comes 4 to 5 ms
     * after the headers, the same for every path. The stream is one delta (with the finish chunk,
     * the usage chunk and {@code [DONE]} in the same write): the first token is the same wait as in
     * a 20-event stream, but an op's tear-down (reading the rest) then takes microseconds instead
     * of 19 more gaps, so an iteration holds about 170 ops instead of 10. With 20 paced events and
     * 3 forks the ratio to the raw transport was 1.063× [0.978, 1.154], and with 8 forks still
     * 1.045× [0.966, 1.121]: too few ops per fork for the bar (1.1×) to be judged. The decoder
     * reads the whole first write before handing over its first chunk, so this slightly favours the
     * raw transport.
     */
    private static Plan firstToken() {
        return Plan.of(STREAMING + "firstToken")
                .label("streaming first token")
                .params(Map.of("gapMs", List.of("5"), "events", List.of("1")))
                .forks(8)
                .warmup(STREAMING_WARMUP, Duration.ofSeconds(1))
                .measurement(3, Duration.ofSeconds(1))
                .build();
    }

    /**
     * Batch throughput at sizes 10 and 100. Warm-up measured on this VM: a batch of 100 at limit 16
     * still rises from 670 to 1,060 items/s over its first 8 s (the in-process stub warming: its
     * service time falls from 1 ms to 0.35 ms per request), so 6 s; 3 forks, so that the bar's
     * interval over forks can decide (with 2, Student's t has one degree of freedom and the
     * interval spans the bar).
     */
    private static Plan batch(String label, List<String> limits, String... modes) {
        return Plan.of(BATCH)
                .label(label)
                .params(
                        Map.of(
                                "batchSize",
                                List.of("10", "100"),
                                "limit",
                                limits,
                                "mode",
                                List.of(modes)))
                .forks(3)
                .warmup(6, Duration.ofSeconds(1))
                .measurement(4, Duration.ofSeconds(1))
                .build();
    }

    /** One plan per caller count: JMH's thread count cannot be a {@code @Param}. */
    private static Plan concurrency(int callers) {
        return Plan.of(CONCURRENCY_BLOCKING)
                .label("concurrency " + callers + " callers")
                .params(Map.of("callers", List.of(String.valueOf(callers)), DELAY, List.of("10")))
                .forks(3)
                .warmup(5, Duration.ofSeconds(1))
                .measurement(5, Duration.ofSeconds(1))
                .threads(callers)
                .build();
    }

    /**
     * The executor × CPU-count crossing at {@code cpus} processors: the {@code cpus} label and
     * {@code -XX:ActiveProcessorCount} go together, and the benchmark checks they agree.
     */
    static Plan environment(String cpus) {
        return Plan.of(ENVIRONMENT)
                .label("environment " + cpus + " cpu")
                .params(Map.of("cpus", List.of(cpus)))
                .forks(3)
                .warmup(5, Duration.ofSeconds(1))
                .measurement(5, Duration.ofSeconds(1))
                .jvmArgs(List.of("-XX:ActiveProcessorCount=" + cpus))
                .build();
    }

    /** The caller counts the full profile measures concurrency at. */
    static final List<String> CALLERS = List.of("1", "4", "16", "64");

    /** Warm-up iterations (1 s) of the async ring after its warm-up by calls (see its plan). */
    static final int ASYNC_RING_WARMUP = 8;
}
