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
 *       come from forks (they disagree more than JMH's error bar says, CALIBRATION trap 3).
 *   <li>{@link #FULL}: every latency up to the original 1500 ms scenario, both transports, the
 *       executor dimension, and more forks; concurrency at 1, 4, 16 and 64 callers; the peers.
 * </ul>
 */
public enum Profile {
    SMOKE {
        @Override
        public List<Plan> plans() {
            Duration brief = Duration.ofMillis(200);
            return List.of(
                    new Plan(IN_MEMORY, Map.of(), 1, 1, brief, 1, brief, List.of(), "in-memory"),
                    new Plan(PHASES, Map.of(), 1, 1, brief, 1, brief, List.of(), "phases"),
                    // One representative per dimension that other plans already cover path by path.
                    new Plan(
                            ENVIRONMENT,
                            Map.of("path", List.of("SHARED_LOOP")),
                            1,
                            1,
                            brief,
                            1,
                            brief,
                            List.of(),
                            "environment"),
                    new Plan(
                            LOOPBACK,
                            Map.of("delayMs", List.of("0"), "transport", List.of("APACHE")),
                            1,
                            1,
                            brief,
                            1,
                            brief,
                            List.of(),
                            "loopback apache"),
                    new Plan(
                            LOOPBACK,
                            loopback("0", "JDK", "DIRECT", "SHARED_LOOP"),
                            1,
                            1,
                            brief,
                            1,
                            brief,
                            List.of(),
                            "loopback jdk"),
                    new Plan(
                            CONCURRENCY_BLOCKING,
                            Map.of("callers", List.of("4"), "delayMs", List.of("0")),
                            1,
                            1,
                            brief,
                            1,
                            brief,
                            List.of(),
                            "concurrency 4 callers",
                            4),
                    new Plan(
                            CONCURRENCY_ASYNC,
                            Map.of("callers", List.of("4"), "delayMs", List.of("0")),
                            1,
                            1,
                            brief,
                            1,
                            brief,
                            List.of(),
                            "concurrency async 4 in flight",
                            1),
                    new Plan(
                            PEERS,
                            Map.of("delayMs", List.of("0")),
                            1,
                            1,
                            brief,
                            1,
                            brief,
                            List.of(),
                            "peers"));
        }
    },

    QUICK {
        @Override
        public List<Plan> plans() {
            Duration second = Duration.ofSeconds(1);
            Duration half = Duration.ofMillis(500);
            // Warm-up measured on this VM: in-memory DIRECT still falling at 3 s (50 → 6 µs),
            // stable
            // from 4 s; Apache on loopback stable from ~6 s; the JDK client still falling at 7 s.
            return List.of(
                    new Plan(IN_MEMORY, Map.of(), 3, 4, second, 3, half, List.of(), "in-memory"),
                    new Plan(PHASES_NO_WHOLE, Map.of(), 3, 3, second, 4, half, List.of(), "phases"),
                    new Plan(
                            LOOPBACK,
                            loopback(
                                    "0",
                                    "APACHE",
                                    "RAW_BLOCKING",
                                    "DIRECT",
                                    "LOOP_PER_CALL",
                                    "SHARED_LOOP"),
                            3,
                            6,
                            second,
                            4,
                            half,
                            List.of(),
                            "loopback apache 0 ms"),
                    new Plan(
                            LOOPBACK,
                            loopback("0", "JDK", "RAW_BLOCKING", "DIRECT", "SHARED_LOOP"),
                            3,
                            8,
                            second,
                            4,
                            half,
                            List.of(),
                            "loopback jdk 0 ms"),
                    new Plan(
                            LOOPBACK,
                            loopback("10", "APACHE", "RAW_BLOCKING", "DIRECT", "LOOP_PER_CALL"),
                            3,
                            6,
                            second,
                            4,
                            half,
                            List.of(),
                            "loopback apache 10 ms"));
        }
    },

    FULL {
        @Override
        public List<Plan> plans() {
            Duration second = Duration.ofSeconds(1);
            List<String> paths1500 =
                    List.of("RAW_BLOCKING", "DIRECT", "LOOP_PER_CALL", "SEED_LITERAL");
            return List.of(
                    new Plan(IN_MEMORY, Map.of(), 5, 5, second, 5, second, List.of(), "in-memory"),
                    new Plan(PHASES, Map.of(), 5, 5, second, 5, second, List.of(), "phases"),
                    environment("1"),
                    environment("2"),
                    environment("4"),
                    new Plan(
                            LOOPBACK,
                            Map.of(
                                    "delayMs",
                                    List.of("0", "1", "10", "100"),
                                    "transport",
                                    List.of("APACHE", "JDK")),
                            3,
                            8,
                            second,
                            5,
                            second,
                            List.of(),
                            "loopback"),
                    new Plan(
                            LOOPBACK,
                            Map.of(
                                    "delayMs",
                                    List.of("1500"),
                                    "transport",
                                    List.of("APACHE", "JDK"),
                                    "path",
                                    paths1500),
                            3,
                            2,
                            Duration.ofSeconds(4),
                            3,
                            Duration.ofSeconds(8),
                            List.of(),
                            "loopback 1500 ms"),
                    concurrency(1),
                    concurrency(4),
                    concurrency(16),
                    concurrency(64),
                    new Plan(
                            CONCURRENCY_ASYNC,
                            Map.of("callers", CALLERS, "delayMs", List.of("10")),
                            3,
                            5,
                            second,
                            5,
                            second,
                            List.of(),
                            "concurrency async",
                            1),
                    new Plan(
                            PEERS,
                            Map.of("delayMs", List.of("0", "10")),
                            3,
                            8,
                            second,
                            5,
                            second,
                            List.of(),
                            "peers"));
        }

        /** One plan per caller count: JMH's thread count cannot be a {@code @Param}. */
        private Plan concurrency(int callers) {
            return new Plan(
                    CONCURRENCY_BLOCKING,
                    Map.of("callers", List.of(String.valueOf(callers)), "delayMs", List.of("10")),
                    3,
                    5,
                    Duration.ofSeconds(1),
                    5,
                    Duration.ofSeconds(1),
                    List.of(),
                    "concurrency " + callers + " callers",
                    callers);
        }
    };

    /**
     * The executor × CPU-count crossing at {@code cpus} processors: the {@code cpus} label and
     * {@code -XX:ActiveProcessorCount} go together, and the benchmark checks they agree.
     */
    static Plan environment(String cpus) {
        return new Plan(
                ENVIRONMENT,
                Map.of("cpus", List.of(cpus)),
                3,
                5,
                Duration.ofSeconds(1),
                5,
                Duration.ofSeconds(1),
                List.of("-XX:ActiveProcessorCount=" + cpus),
                "environment " + cpus + " cpu");
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

    static final String PEERS = "dev\\.dualpath\\.bench\\.PeerBenchmark\\.";

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
                new Plan(
                        VIRTUAL,
                        Map.of(),
                        5,
                        5,
                        Duration.ofSeconds(1),
                        5,
                        Duration.ofSeconds(1),
                        List.of(),
                        "virtual-thread wrapper"));
        return List.copyOf(all);
    }
}
