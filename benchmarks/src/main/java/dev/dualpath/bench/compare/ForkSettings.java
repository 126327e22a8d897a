package dev.dualpath.bench.compare;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one fork of a comparison runs: which benchmark, its warm-up and measurement, and the JVM
 * flags every fork of both sides gets (recorded in the comparison's {@code env.json}).
 *
 * <p>The defaults were chosen from interleaved measurements on a 2-CPU VM (see {@code
 * docs/statistics.md}): a fixed, pre-touched heap ({@code -Xms512m -Xmx512m -XX:+AlwaysPreTouch})
 * reached steady state after ~1 s of in-memory {@code DIRECT} and kept the raw async path from
 * flipping between JIT modes; many short forks beat few long ones because the noise is between
 * forks, not within them.
 *
 * @param include the JMH benchmark regex (one benchmark method)
 * @param param the {@code @Param} whose values are the compared series (e.g. {@code path})
 * @param warmupIterations warm-up iterations per fork
 * @param warmupTime length of one
 * @param measurementIterations measured iterations per fork
 * @param measurementTime length of one
 * @param jvmFlags flags for every fork of both sides
 * @param fixedParams the benchmark's other {@code @Param}s, each pinned to one value: a fork must
 *     run one series, and JMH would otherwise run every declared combination
 */
public record ForkSettings(
        String include,
        String param,
        int warmupIterations,
        Duration warmupTime,
        int measurementIterations,
        Duration measurementTime,
        List<String> jvmFlags,
        Map<String, String> fixedParams) {

    /** The fork JVM flags chosen by measurement. */
    public static final List<String> DEFAULT_FLAGS =
            List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");

    /**
     * In-memory overhead benchmark, by {@code path}, at the ~1 KB body; 3 x 0.5 s warm-up, 4 x 0.5
     * s measured.
     */
    public static ForkSettings inMemoryDefaults() {
        return new ForkSettings(
                "dev\\.dualpath\\.bench\\.InMemoryOverheadBenchmark\\.call$",
                "path",
                3,
                Duration.ofMillis(500),
                4,
                Duration.ofMillis(500),
                DEFAULT_FLAGS,
                Map.of("bodyBytes", "1171"));
    }

    /** Validates and freezes. */
    public ForkSettings {
        Objects.requireNonNull(include, "include");
        Objects.requireNonNull(param, "param");
        if (measurementIterations < 1)
            throw new IllegalArgumentException("measurement iterations must be >= 1");
        jvmFlags = List.copyOf(jvmFlags);
        fixedParams = Map.copyOf(fixedParams);
        if (fixedParams.containsKey(param))
            throw new IllegalArgumentException(
                    "the series parameter '" + param + "' cannot also be fixed");
    }

    /** How long one fork's iterations take (start-up not included). */
    public Duration iterationTime() {
        return warmupTime
                .multipliedBy(warmupIterations)
                .plus(measurementTime.multipliedBy(measurementIterations));
    }
}
