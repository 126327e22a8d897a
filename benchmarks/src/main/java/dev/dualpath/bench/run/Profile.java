package dev.dualpath.bench.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run measures, by purpose.
 *
 * <ul>
 *   <li>{@link #SMOKE}: every benchmark once, briefly, 1 fork — proves they all run (CI); no
 *       verdict can come from it.
 *   <li>{@link #QUICK}: the main job's default, under 8 minutes of planned JMH time — what each
 *       strategy costs over the raw transport, in memory with the ~1 KB body and on loopback at 0
 *       ms on Apache (each path beside the raw call it stands on: {@code DIRECT} over {@code
 *       RAW_BLOCKING}, {@code SHARED_LOOP} over {@code RAW_ASYNC}), the stub out of process; 3
 *       forks so that the confidence intervals come from forks (forks disagree more than one fork's
 *       error bar says, docs/calibration.md#forks-warm-up-and-the-error-bar).
 *   <li>{@link #FULL}: every latency up to the original 1500 ms scenario, both transports, body
 *       sizes up to 1 MiB, the stub in process against out of process, the async path's hops, the
 *       helpers alone, the executor dimension, and more forks; concurrency at 1, 4, 16 and 64
 *       callers against the ideal rate; the peers; batch throughput at batch sizes 10 and 100,
 *       limits 1, 4 and 16; streaming, paced and unpaced (about 9 minutes).
 * </ul>
 */
public enum Profile {
    SMOKE {
        @Override
        public List<Plan> plans() {
            return List.of(
                    brief(IN_MEMORY, "in-memory", Map.of(BODY, List.of(SMALL_BODY))),
                    brief(
                            IN_MEMORY,
                            "in-memory 1 MiB",
                            Map.of(
                                    BODY,
                                    List.of(LARGE_BODY),
                                    PATH,
                                    List.of("RAW_BLOCKING", "DIRECT"))),
                    brief(PHASES, "phases", Map.of()),
                    // One representative per dimension that other plans already cover path by path.
                    brief(ENVIRONMENT, "environment", Map.of(PATH, List.of("SHARED_LOOP"))),
                    brief(
                            LOOPBACK,
                            "loopback apache",
                            loopback("0", "APACHE", OUT_OF_PROCESS, SMALL_BODY, ALL_PATHS)),
                    brief(
                            LOOPBACK,
                            "loopback jdk",
                            loopback(
                                    "0",
                                    "JDK",
                                    OUT_OF_PROCESS,
                                    SMALL_BODY,
                                    "RAW_ASYNC",
                                    "DIRECT",
                                    "SHARED_LOOP")),
                    brief(
                            LOOPBACK,
                            "loopback stub in process, 64 KiB",
                            loopback("0", "APACHE", IN_PROCESS, "65536", "DIRECT")),
                    brief(HOPS, "hops apache", Map.of(TRANSPORT, List.of("APACHE"))),
                    brief(
                            HELPERS,
                            "helpers",
                            Map.of(
                                    "requestBytes",
                                    List.of("1024"),
                                    BODY,
                                    List.of(SMALL_BODY),
                                    "shape",
                                    List.of("401-cerebras-top-level", "502-html-from-cdn"))),
                    brief(
                                    CONCURRENCY_BLOCKING,
                                    "concurrency 4 callers",
                                    Map.of("callers", List.of("4"), DELAY, List.of("0")))
                            .withThreads(4),
                    brief(
                                    CONCURRENCY_ASYNC,
                                    "concurrency async 4 in flight",
                                    Map.of("callers", List.of("4"), DELAY, List.of("0")))
                            .withThreads(1),
                    brief(PEERS, "peers", Map.of(DELAY, List.of("0"))),
                    brief(
                            BATCH,
                            "batch 10 at limit 4",
                            Map.of("batchSize", List.of("10"), "limit", List.of("4"))),
                    // Every path, both methods: its @Setup reads a whole stream and checks it.
                    brief(STREAMING, "streaming", Map.of()));
        }

        private Plan brief(String include, String label, Map<String, List<String>> params) {
            Duration brief = Duration.ofMillis(200);
            return Plan.of(include)
                    .label(label)
                    .params(params)
                    .forks(1)
                    .warmup(1, brief)
                    .measurement(1, brief)
                    .build();
        }
    },

    QUICK {
        @Override
        public List<Plan> plans() {
            Duration second = Duration.ofSeconds(1);
            Duration half = Duration.ofMillis(500);
            // Warm-up measured on this VM: in-memory DIRECT still falling at 3 s (50 → 6 µs),
            // stable from 4 s. Loopback forks hold the client alone (the stub runs in its own JVM,
            // warm from the run's start), pinned to one CPU. Each loopback path stands beside the
            // raw call under it: DIRECT over RAW_BLOCKING, SHARED_LOOP over RAW_ASYNC. Planned
            // time (forks x (warm-up + measurement + JVM start), JmhLauncher's estimate): 7 paths
            // x 3 x 8 s + 3 x 3 x 7.5 s + 4 x 3 x 15.5 s = 421.5 s, about 7 minutes, tested under
            // 8 in ProfileTest. The JDK transport, LOOP_PER_CALL and CLIENT_PER_CALL on loopback,
            // and the other latencies are the full profile's.
            return List.of(
                    Plan.of(IN_MEMORY)
                            .label("in-memory")
                            .params(Map.of(BODY, List.of(SMALL_BODY)))
                            .forks(3)
                            .warmup(4, second)
                            .measurement(3, half)
                            .build(),
                    Plan.of(PHASES_NO_WHOLE)
                            .label("phases")
                            .forks(3)
                            .warmup(3, second)
                            .measurement(4, half)
                            .build(),
                    Plan.of(LOOPBACK)
                            .label("loopback apache 0 ms")
                            .params(
                                    loopback(
                                            "0",
                                            "APACHE",
                                            OUT_OF_PROCESS,
                                            SMALL_BODY,
                                            "RAW_BLOCKING",
                                            "RAW_ASYNC",
                                            "DIRECT",
                                            "SHARED_LOOP"))
                            .forks(3)
                            .warmup(QUICK_LOOPBACK_WARMUP, second)
                            .measurement(4, half)
                            .build());
        }
    },

    FULL {
        @Override
        public List<Plan> plans() {
            Duration second = Duration.ofSeconds(1);
            List<String> paths1500 =
                    List.of("RAW_BLOCKING", "DIRECT", "LOOP_PER_CALL", "SEED_LITERAL");
            List<String> floors = List.of("RAW_BLOCKING", "RAW_ASYNC", "DIRECT", "SHARED_LOOP");
            return List.of(
                    Plan.of(IN_MEMORY)
                            .label("in-memory")
                            .params(Map.of(BODY, BODIES))
                            .forks(5)
                            .warmup(5, second)
                            .measurement(5, second)
                            .build(),
                    Plan.of(PHASES)
                            .label("phases")
                            .forks(5)
                            .warmup(5, second)
                            .measurement(5, second)
                            .build(),
                    environment("1"),
                    environment("2"),
                    environment("4"),
                    Plan.of(LOOPBACK)
                            .label("loopback")
                            .params(
                                    Map.of(
                                            DELAY,
                                            List.of("0", "1", "10", "100"),
                                            TRANSPORT,
                                            TRANSPORTS,
                                            BODY,
                                            List.of(SMALL_BODY),
                                            STUB,
                                            List.of(OUT_OF_PROCESS)))
                            .forks(3)
                            .warmup(8, second)
                            .measurement(5, second)
                            .build(),
                    Plan.of(LOOPBACK)
                            .label("loopback body sizes")
                            .params(
                                    Map.of(
                                            DELAY,
                                            List.of("0"),
                                            TRANSPORT,
                                            TRANSPORTS,
                                            BODY,
                                            List.of("65536", LARGE_BODY),
                                            STUB,
                                            List.of(OUT_OF_PROCESS),
                                            PATH,
                                            floors))
                            .forks(3)
                            .warmup(8, second)
                            .measurement(5, second)
                            .build(),
                    Plan.of(LOOPBACK)
                            .label("loopback stub in process")
                            .params(
                                    Map.of(
                                            DELAY,
                                            List.of("0"),
                                            TRANSPORT,
                                            TRANSPORTS,
                                            BODY,
                                            List.of(SMALL_BODY),
                                            STUB,
                                            List.of(IN_PROCESS),
                                            PATH,
                                            floors))
                            .forks(3)
                            .warmup(8, second)
                            .measurement(5, second)
                            .build(),
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
                    Plan.of(HOPS)
                            .label("hops")
                            .forks(3)
                            .warmup(8, second)
                            .measurement(5, second)
                            .build(),
                    Plan.of(HELPERS)
                            .label("helpers")
                            .forks(2)
                            .warmup(3, second)
                            .measurement(3, second)
                            .build(),
                    concurrency(1),
                    concurrency(4),
                    concurrency(16),
                    concurrency(64),
                    Plan.of(CONCURRENCY_ASYNC)
                            .label("concurrency async")
                            .params(Map.of("callers", CALLERS, DELAY, List.of("10")))
                            .forks(3)
                            .warmup(5, second)
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
         * Every streaming path's total time with events {@code gapMs} apart ({@code include} picks
         * the methods); about 2.5 minutes paced (5 paths × 3 forks × 7 s, plus fork start-up), 5
         * unpaced (both methods). 3 forks, not 2: with 2, Student's t has one degree of freedom.
         */
        private Plan streaming(String label, String include, String gapMs) {
            return Plan.of(include)
                    .label(label)
                    .params(Map.of("gapMs", List.of(gapMs)))
                    .forks(3)
                    .warmup(4, Duration.ofSeconds(1))
                    .measurement(3, Duration.ofSeconds(1))
                    .build();
        }

        /**
         * Time to first token, the first event one gap (5 ms) after the headers, every path, 8
         * forks (about 6.5 minutes). The stub waits in whole milliseconds, so the first event comes
         * 4 to 5 ms after the headers, the same for every path. The stream is one delta (with the
         * finish chunk, the usage chunk and {@code [DONE]} in the same write): the first token is
         * the same wait as in a 20-event stream, but an op's tear-down (reading the rest) then
         * takes microseconds instead of 19 more gaps, so an iteration holds about 170 ops instead
         * of 10. With 20 paced events and 3 forks the ratio to the raw transport was 1.063× [0.978,
         * 1.154], and with 8 forks still 1.045× [0.966, 1.121]: too few ops per fork for the bar
         * (1.1×) to be judged. The decoder reads the whole first write before handing over its
         * first chunk, so this slightly favours the raw transport.
         */
        private Plan firstToken() {
            return Plan.of(STREAMING + "firstToken")
                    .label("streaming first token")
                    .params(Map.of("gapMs", List.of("5"), "events", List.of("1")))
                    .forks(8)
                    .warmup(4, Duration.ofSeconds(1))
                    .measurement(3, Duration.ofSeconds(1))
                    .build();
        }

        /**
         * Batch throughput at sizes 10 and 100. Warm-up measured on this VM: a batch of 100 at
         * limit 16 still rises from 670 to 1,060 items/s over its first 8 s (the in-process stub
         * warming: its service time falls from 1 ms to 0.35 ms per request), so 6 s; 3 forks, so
         * that the bar's interval over forks can decide (with 2, Student's t has one degree of
         * freedom and the interval spans the bar).
         */
        private Plan batch(String label, List<String> limits, String... modes) {
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
        private Plan concurrency(int callers) {
            return Plan.of(CONCURRENCY_BLOCKING)
                    .label("concurrency " + callers + " callers")
                    .params(
                            Map.of(
                                    "callers",
                                    List.of(String.valueOf(callers)),
                                    DELAY,
                                    List.of("10")))
                    .forks(3)
                    .warmup(5, Duration.ofSeconds(1))
                    .measurement(5, Duration.ofSeconds(1))
                    .threads(callers)
                    .build();
        }
    };

    /**
     * Loopback warm-up iterations (1 s each) in the quick profile: a fork pinned to one CPU
     * compiles on the CPU it measures on, and its async paths still got faster until about 11 s.
     */
    static final int QUICK_LOOPBACK_WARMUP = 11;

    static final String PATH = "path";
    static final String BODY = "bodyBytes";
    static final String DELAY = "delayMs";
    static final String TRANSPORT = "transport";
    static final String STUB = "stubMode";
    static final String OUT_OF_PROCESS = "OUT_OF_PROCESS";
    static final String IN_PROCESS = "IN_PROCESS";

    /** The canned ~1 KB body, every benchmark's default. */
    static final String SMALL_BODY = "1171";

    static final String LARGE_BODY = "1048576";
    static final List<String> BODIES = List.of(SMALL_BODY, "65536", LARGE_BODY);
    static final List<String> TRANSPORTS = List.of("APACHE", "JDK");
    static final String[] ALL_PATHS = {
        "RAW_BLOCKING",
        "RAW_ASYNC",
        "DIRECT",
        "LOOP_PER_CALL",
        "SHARED_LOOP",
        "SEED_LITERAL",
        "CLIENT_PER_CALL"
    };

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

    /** The caller counts {@link #FULL} measures concurrency at. */
    static final List<String> CALLERS = List.of("1", "4", "16", "64");

    private static Map<String, List<String>> loopback(
            String delayMs, String transport, String stubMode, String bodyBytes, String... paths) {
        return Map.of(
                DELAY,
                List.of(delayMs),
                TRANSPORT,
                List.of(transport),
                STUB,
                List.of(stubMode),
                BODY,
                List.of(bodyBytes),
                PATH,
                List.of(paths));
    }

    static final String IN_MEMORY = "dev\\.dualpath\\.bench\\.InMemoryOverheadBenchmark\\.";
    static final String PHASES = "dev\\.dualpath\\.bench\\.LoopPerCallPhasesBenchmark\\.";
    static final String PHASES_NO_WHOLE =
            "dev\\.dualpath\\.bench\\.LoopPerCallPhasesBenchmark\\.(create|run|close)$";
    static final String ENVIRONMENT = "dev\\.dualpath\\.bench\\.ExecutorEnvironmentBenchmark\\.";
    static final String VIRTUAL = "dev\\.dualpath\\.bench\\.VirtualThreadWrapperBenchmark\\.";
    static final String LOOPBACK = "dev\\.dualpath\\.bench\\.LoopbackLatencyBenchmark\\.";
    static final String HOPS = "dev\\.dualpath\\.bench\\.AsyncHopsBenchmark\\.";
    static final String HELPERS = "dev\\.dualpath\\.bench\\.HelperCostBenchmark\\.";

    /** The blocking methods: one JMH thread per caller. */
    static final String CONCURRENCY_BLOCKING =
            "dev\\.dualpath\\.bench\\.ConcurrencyBenchmark\\.blocking\\w*$";

    /** The native async methods: one JMH thread holding {@code callers} calls in flight. */
    static final String CONCURRENCY_ASYNC =
            "dev\\.dualpath\\.bench\\.ConcurrencyBenchmark\\.async\\w*$";

    static final String PEERS = "dev\\.dualpath\\.bench\\.peer\\.PeerBenchmark\\.";

    static final String BATCH = "dev\\.dualpath\\.bench\\.BatchThroughputBenchmark\\.";

    static final String STREAMING = "dev\\.dualpath\\.bench\\.StreamingBenchmark\\.";

    /** The JMH invocations of this profile, in order, for forks on JDK 17. */
    public abstract List<Plan> plans();

    /**
     * The JMH invocations for forks running Java {@code feature}: {@link #FULL} adds the
     * virtual-thread wrapper on JDK 21+.
     */
    public List<Plan> plansFor(int feature) {
        if (this != FULL || feature < 21) {
            return plans();
        }
        List<Plan> all = new java.util.ArrayList<>(plans());
        all.add(
                Plan.of(VIRTUAL)
                        .label("virtual-thread wrapper")
                        .forks(5)
                        .warmup(5, Duration.ofSeconds(1))
                        .measurement(5, Duration.ofSeconds(1))
                        .build());
        return List.copyOf(all);
    }
}
