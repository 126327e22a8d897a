package dev.dualpath.bench.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One JMH invocation of a profile: which benchmarks, which {@code @Param} values, and how long.
 *
 * @param include        regex of benchmark names (JMH {@code -i} semantics)
 * @param params         {@code @Param} overrides; a benchmark without the named param ignores it
 * @param forks          forks per benchmark; forks are the statistical unit, so ≥ 3 for any verdict
 * @param warmupIterations warm-up iterations per fork
 * @param warmupTime     length of one warm-up iteration
 * @param measurementIterations measured iterations per fork
 * @param measurementTime length of one measured iteration
 * @param jvmArgs        extra JVM arguments for the forks (e.g. {@code -XX:ActiveProcessorCount=1})
 * @param label          a short name for progress lines
 */
public record Plan(String include, Map<String, List<String>> params, int forks, int warmupIterations,
        Duration warmupTime, int measurementIterations, Duration measurementTime, List<String> jvmArgs,
        String label) {

    /** @throws IllegalArgumentException naming the field, on a non-positive count or duration */
    public Plan {
        Objects.requireNonNull(include, "include");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        if (forks < 1) throw new IllegalArgumentException("forks must be >= 1, was " + forks);
        if (warmupIterations < 0) throw new IllegalArgumentException("warmupIterations must be >= 0");
        if (measurementIterations < 1) throw new IllegalArgumentException("measurementIterations must be >= 1");
        if (warmupTime.isNegative() || measurementTime.isZero() || measurementTime.isNegative()) {
            throw new IllegalArgumentException("iteration times must be positive");
        }
    }

    /** Wall time of one fork of one benchmark, without JVM and fixture start-up. */
    public Duration forkTime() {
        return warmupTime.multipliedBy(warmupIterations).plus(measurementTime.multipliedBy(measurementIterations));
    }

    /** This plan with other {@code @Param} overrides. */
    public Plan withParams(Map<String, List<String>> value) {
        return new Plan(include, value, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                jvmArgs, label);
    }

    /** This plan with extra JVM arguments for its forks. */
    public Plan withJvmArgs(List<String> value) {
        return new Plan(include, params, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                value, label);
    }
}
