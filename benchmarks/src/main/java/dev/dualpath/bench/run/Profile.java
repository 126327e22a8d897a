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
 *   <li>{@link #QUICK}: the main job's default — what each strategy costs over the raw transport,
 *       in memory and on loopback at 0 and 10 ms, with 3 forks so that the confidence intervals
 *       come from forks (forks disagree more than one fork's error bar says,
 *       docs/calibration.md#forks-warm-up-and-the-error-bar).
 *   <li>{@link #FULL}: every latency up to the original 1500 ms scenario, both transports, the
 *       executor dimension, and more forks; concurrency at 1, 4, 16 and 64 callers; the peers;
 *       batch throughput at batch sizes 10 and 100, limits 1, 4 and 16 (about 13 minutes);
 *       streaming, paced and unpaced (about 5 minutes).
 * </ul>
 */
public enum Profile {
    SMOKE {
        @Override
        public List<Plan> plans() {
            Duration brief = Duration.ofMillis(200);
            return List.of(
                    Plan.of(IN_MEMORY)
                            .label("in-memory")
                            .forks(1)
                            .warmup(1, brief)
                            .measurement(1, brief)
                            .build(),
                    Plan.of(PHASES)
                            .label("phases")
                            .forks(1)
                            .warmup(1, brief)
                            .measurement(1, brief)
                            .build(),
                    // One representative per dimension that other plans already cover path by path.
                    Plan.of(ENVIRONMENT)
                            .label("environment")
                            .params(Map.of("path", List.of("SHARED_LOOP")))
                            .forks(1)
                            .warmup(1, brief)
                            .measurement(1, brief)
                            .build(),
                    Plan.of(LOOPBACK)
                            .label("loopback apache")
                            .params(Map.of("delayMs", List.of("0"), "transport", List.of("APACHE")))
                            .forks(1)
                            .warmup(1, brief)
                            .measurement(1, brief)
                            .build(),
                    Plan.of(LOOPBACK)
                            .label("loopback jdk")
                            .params(loopback("0", "JDK", "DIRECT", "SHARED_LOOP"))
                            .forks(1)
                            .warmup(1, brief)
                            .measurement(1, brief)
                            .build(),
                    Plan.of(CONCURRENCY_BLOCKING)
                            .label("concurrency 4 callers")
                            .params(Map.of("callers", List.of("4"), "delayMs", List.of("0")))
                            .forks(1)
                            .warmup(1, brief)
                            .measurement(1, brief)
                            .threads(4)
                            .build(),
                    Plan.of(CONCURRENCY_ASYNC)
                            .label("concurrency async 4 in flight")
                            .params(Map.of("callers", List.of("4"), "delayMs", List.of("0")))
                            .forks(1)
                            .warmup(1, brief)
                            .measurement(1, brief)
                            .threads(1)
                            .build(),
                    Plan.of(PEERS)
                            .label("peers")
                            .params(Map.of("delayMs", List.of("0")))
                            .forks(1)
                            .warmup(1, brief)
                            .measurement(1, brief)
                            .build(),
                    Plan.of(BATCH)
                            .label("batch 10 at limit 4")
                            .params(Map.of("batchSize", List.of("10"), "limit", List.of("4")))
                            .forks(1)
                            .warmup(1, brief)
                            .measurement(1, brief)
                            .build());
        }
    },

    QUICK {
        @Override
        public List<Plan> plans() {
            Duration second = Duration.ofSeconds(1);
            Duration half = Duration.ofMillis(500);
            // Warm-up measured on this VM: in-memory DIRECT still falling at 3 s (50 → 6 µs)
            // and stable from 4 s; Apache on loopback stable from ~6 s; the JDK client still
            // falling at 7 s.
            return List.of(
                    Plan.of(IN_MEMORY)
                            .label("in-memory")
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
                                            "RAW_BLOCKING",
                                            "DIRECT",
                                            "LOOP_PER_CALL",
                                            "SHARED_LOOP",
                                            "CLIENT_PER_CALL"))
                            .forks(3)
                            .warmup(6, second)
                            .measurement(4, half)
                            .build(),
                    Plan.of(LOOPBACK)
                            .label("loopback jdk 0 ms")
                            .params(loopback("0", "JDK", "RAW_BLOCKING", "DIRECT", "SHARED_LOOP"))
                            .forks(3)
                            .warmup(8, second)
                            .measurement(4, half)
                            .build(),
                    Plan.of(LOOPBACK)
                            .label("loopback apache 10 ms")
                            .params(
                                    loopback(
                                            "10",
                                            "APACHE",
                                            "RAW_BLOCKING",
                                            "DIRECT",
                                            "LOOP_PER_CALL"))
                            .forks(3)
                            .warmup(6, second)
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
            return List.of(
                    Plan.of(IN_MEMORY)
                            .label("in-memory")
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
                                            "delayMs",
                                            List.of("0", "1", "10", "100"),
                                            "transport",
                                            List.of("APACHE", "JDK")))
                            .forks(3)
                            .warmup(8, second)
                            .measurement(5, second)
                            .build(),
                    Plan.of(LOOPBACK)
                            .label("loopback 1500 ms")
                            .params(
                                    Map.of(
                                            "delayMs",
                                            List.of("1500"),
                                            "transport",
                                            List.of("APACHE", "JDK"),
                                            "path",
                                            paths1500))
                            .forks(3)
                            .warmup(2, Duration.ofSeconds(4))
                            .measurement(3, Duration.ofSeconds(8))
                            .build(),
                    concurrency(1),
                    concurrency(4),
                    concurrency(16),
                    concurrency(64),
                    Plan.of(CONCURRENCY_ASYNC)
                            .label("concurrency async")
                            .params(Map.of("callers", CALLERS, "delayMs", List.of("10")))
                            .forks(3)
                            .warmup(5, second)
                            .measurement(5, second)
                            .threads(1)
                            .build(),
                    Plan.of(PEERS)
                            .label("peers")
                            .params(Map.of("delayMs", List.of("0", "10")))
                            .forks(3)
                            .warmup(8, second)
                            .measurement(5, second)
                            .build(),
                    batch("batch", List.of("1", "4", "16"), "BATCH_SYNC", "BATCH_ASYNC"),
                    // The sequential modes ignore the limit: measured once, at limit 1.
                    batch("batch sequential", List.of("1"), "DIRECT", "LOOP_PER_CALL"),
                    streaming("streaming", "5"),
                    // Nothing to wait for: the time is the work, for the per-event overhead.
                    streaming("streaming unpaced", "0"));
        }

        /**
         * Every streaming path, time to first token and total time, with events {@code gapMs}
         * apart; about 2.5 minutes each (5 paths × 2 methods × 2 forks × 7 s, plus fork start-up).
         */
        private Plan streaming(String label, String gapMs) {
            return Plan.of(STREAMING)
                    .label(label)
                    .params(Map.of("gapMs", List.of(gapMs)))
                    .forks(2)
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
                                    "delayMs",
                                    List.of("10")))
                    .forks(3)
                    .warmup(5, Duration.ofSeconds(1))
                    .measurement(5, Duration.ofSeconds(1))
                    .threads(callers)
                    .build();
        }
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
            String delayMs, String transport, String... paths) {
        return Map.of(
                "delayMs",
                List.of(delayMs),
                "transport",
                List.of(transport),
                "path",
                List.of(paths));
    }

    static final String IN_MEMORY = "dev\\.dualpath\\.bench\\.InMemoryOverheadBenchmark\\.";
    static final String PHASES = "dev\\.dualpath\\.bench\\.LoopPerCallPhasesBenchmark\\.";
    static final String PHASES_NO_WHOLE =
            "dev\\.dualpath\\.bench\\.LoopPerCallPhasesBenchmark\\.(create|run|close)$";
    static final String ENVIRONMENT = "dev\\.dualpath\\.bench\\.ExecutorEnvironmentBenchmark\\.";
    static final String VIRTUAL = "dev\\.dualpath\\.bench\\.VirtualThreadWrapperBenchmark\\.";
    static final String LOOPBACK = "dev\\.dualpath\\.bench\\.LoopbackLatencyBenchmark\\.";

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
