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
 *       forks (4 for the in-memory wrappers) so that the confidence intervals come from forks
 *       (forks disagree more than one fork's error bar says,
 *       docs/calibration.md#forks-warm-up-and-the-error-bar); the in-memory forks on one CPU.
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
                            PAIRED_FLOORS,
                            "paired floors apache",
                            Map.of(
                                    TRANSPORT,
                                    List.of("APACHE"),
                                    "pair",
                                    List.of("SHARED_LOOP_OVER_RAW_ASYNC"))),
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
                            CALL_PARTS,
                            "call parts",
                            Map.of("part", List.of("DIRECT_CALL", "JSON_PARSER"))),
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
            // Warm-up measured on this VM (results/round-20261201b/warmup): in-memory DIRECT flat
            // from 3 s, the raw calls (a few ns) from 2 s; the paths that start a thread per call
            // (LOOP_PER_CALL, SEED_LITERAL) and the loop's run and close phases fall 5-10x over
            // the first 6-8 s (WarmupRule says why), so they get 8-9 s and the rest no more than
            // they need. The in-memory and phase forks run on one CPU (Plan#oneCpu): a path that
            // hands a call to another thread moved 13-17 % from fork to fork when the hand-off
            // crossed two CPUs, 5 % on one (results/round-20261202c/one-cpu), so the three
            // wrappers get 4 forks and a 95 % interval under 10 % of their cost; on one CPU they
            // also cost less (a same-CPU hand-off), which the full profile's two-CPU plans show.
            // Loopback forks hold the client alone (the stub runs in its own JVM, warm from the
            // run's start), pinned to one CPU, and compile slowly: at 11 s of warm-up,
            // SHARED_LOOP's JIT was still busy for 24-60 % of the measured time in 5 of 6 forks
            // over two runs, at 20 s for at most 7 % (results/round-20261201b/loopback-warm-20s).
            // Each loopback path stands beside the raw call under it: DIRECT over RAW_BLOCKING,
            // SHARED_LOOP over RAW_ASYNC. CLIENT_PER_CALL is the full profile's: in memory it
            // costs what LOOP_PER_CALL does (its fresh client is a few objects there); its
            // connection per call shows only on loopback. Planned time (forks x (warm-up +
            // measurement + start-up), JmhLauncher's estimate, 1.5 s start-up in memory, 2.5 s
            // with a server): in memory 3 x (2 x 5 s + 7 s) + wrappers 4 x (2 x 11 s + 7 s) +
            // phases 3 x (5 s + 2 x 12 s) + loopback 3 x (3 x 15.5 s + 24.5 s) = 51 + 116 + 87 +
            // 213 = 467 s, under 8 minutes (ProfileTest); the loopback forks' start-up runs
            // nearer 3 s, so a run takes a little longer (results/round-20261202c/quick-main-job).
            // The JDK transport and the other latencies are the full profile's.
            return List.of(
                    Plan.of(IN_MEMORY)
                            .label("in-memory")
                            .params(
                                    Map.of(
                                            BODY,
                                            List.of(SMALL_BODY),
                                            PATH,
                                            List.of("RAW_BLOCKING", "RAW_ASYNC", "DIRECT")))
                            .forks(3)
                            .oneCpu(true)
                            .warmup(4, second)
                            .warmupFor(new WarmupRule.ForParam(PATH, RAW_PATHS, 2))
                            .measurement(3, half)
                            .build(),
                    Plan.of(IN_MEMORY)
                            .label("in-memory wrappers")
                            .params(
                                    Map.of(
                                            BODY,
                                            List.of(SMALL_BODY),
                                            PATH,
                                            List.of(
                                                    "LOOP_PER_CALL",
                                                    "SHARED_LOOP",
                                                    "SEED_LITERAL")))
                            .forks(QUICK_WRAPPER_FORKS)
                            .oneCpu(true)
                            .warmup(4, second)
                            .warmupFor(QUICK_THREAD_PER_CALL_WARMUP)
                            .measurement(3, half)
                            .build(),
                    Plan.of(PHASES_NO_WHOLE)
                            .label("phases")
                            .forks(3)
                            .oneCpu(true)
                            .warmup(2, second)
                            .warmupFor(new WarmupRule.ForBenchmark(PHASES_WITH_A_THREAD, 9))
                            .measurement(3, half)
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
                            .warmup(LOOPBACK_WARMUP, second)
                            .warmupFor(LOOPBACK_ASYNC_WARMUP)
                            .measurement(4, half)
                            .build());
        }
    },

    FULL {
        @Override
        public List<Plan> plans() {
            return FullPlans.plans();
        }
    };

    /**
     * Loopback warm-up iterations (1 s each) at 0 ms, in the quick profile and the full one: a fork
     * pinned to one CPU compiles on the CPU it measures on, and its async paths still got faster
     * until about 11 s.
     */
    static final int LOOPBACK_WARMUP = 11;

    static final String PATH = "path";

    /**
     * Loopback warm-up of {@code SHARED_LOOP} and its variant without the hop (1 s iterations): at
     * 11 its JIT was often still compiling while measured (see the quick profile's comment), and at
     * the full profile's former 8 every one of 10 forks was, which put it at 2.12x [1.68, 2.67] its
     * raw floor against 1.25x [1.07, 1.45] at 20 (results/round-20261201d/loopback-floor*).
     */
    static final WarmupRule LOOPBACK_ASYNC_WARMUP =
            new WarmupRule.ForParam(PATH, List.of("SHARED_LOOP", "SHARED_LOOP_NO_HOP"), 20);

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

    /** The paths that start a thread per call: slow to warm up (see {@link WarmupRule}). */
    static final List<String> THREAD_PER_CALL_PATHS =
            List.of("LOOP_PER_CALL", "SEED_LITERAL", "CLIENT_PER_CALL");

    /**
     * The quick profile's warm-up of the in-memory paths that start a thread per call: 8 iterations
     * of 1 s (measured: flat from the 6th–8th second, {@link WarmupRule}); {@code prove-gate} uses
     * it too.
     */
    public static final WarmupRule QUICK_THREAD_PER_CALL_WARMUP =
            new WarmupRule.ForParam(PATH, THREAD_PER_CALL_PATHS, 8);

    /**
     * Forks of the quick profile's in-memory wrappers (the paths that hand a call to another
     * thread): on one CPU their forks differ by about 5 %, and 4 forks bring a 95 % interval to
     * under 10 % of the cost, where 3 leave it near 12 %.
     */
    static final int QUICK_WRAPPER_FORKS = 4;

    /** The raw transport calls every path is measured against. */
    static final List<String> RAW_PATHS = List.of("RAW_BLOCKING", "RAW_ASYNC");

    static final String[] ALL_PATHS = {
        "RAW_BLOCKING",
        "RAW_ASYNC",
        "DIRECT",
        "LOOP_PER_CALL",
        "SHARED_LOOP",
        "SEED_LITERAL",
        "CLIENT_PER_CALL"
    };

    static Map<String, List<String>> loopback(
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

    /**
     * The per-call loop's phases that start or end the loop's thread: {@code run}, {@code close}
     * and the {@code whole} sequence (slow to warm up, see {@link WarmupRule}).
     */
    static final String PHASES_WITH_A_THREAD = "LoopPerCallPhasesBenchmark\\.(run|close|whole)$";

    static final String PHASES_NO_WHOLE =
            "dev\\.dualpath\\.bench\\.LoopPerCallPhasesBenchmark\\.(create|run|close)$";
    static final String ENVIRONMENT = "dev\\.dualpath\\.bench\\.ExecutorEnvironmentBenchmark\\.";
    static final String VIRTUAL = "dev\\.dualpath\\.bench\\.VirtualThreadWrapperBenchmark\\.";
    static final String LOOPBACK = "dev\\.dualpath\\.bench\\.LoopbackLatencyBenchmark\\.";
    static final String HOPS = "dev\\.dualpath\\.bench\\.AsyncHopsBenchmark\\.";
    static final String PAIRED_FLOORS = "dev\\.dualpath\\.bench\\.PairedFloorBenchmark\\.";
    static final String HELPERS = "dev\\.dualpath\\.bench\\.HelperCostBenchmark\\.";
    static final String CALL_PARTS = "dev\\.dualpath\\.bench\\.CallPartsBenchmark\\.";

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
