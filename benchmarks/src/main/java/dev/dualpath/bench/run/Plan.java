package dev.dualpath.bench.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One JMH invocation of a profile: which benchmarks, which {@code @Param} values, and how long.
 *
 * @param include regex of benchmark names (JMH {@code -i} semantics)
 * @param params {@code @Param} overrides; a benchmark without the named param ignores it
 * @param forks forks per benchmark; forks are the statistical unit, so ≥ 3 for any verdict
 * @param warmupIterations warm-up iterations per fork
 * @param warmupTime length of one warm-up iteration
 * @param measurementIterations measured iterations per fork
 * @param measurementTime length of one measured iteration
 * @param jvmArgs extra JVM arguments for the forks (e.g. {@code -XX:ActiveProcessorCount=1})
 * @param label a short name for progress lines
 * @param threads JMH worker threads (JMH {@code -t}); 0 keeps each benchmark's own {@code @Threads}
 *     (1 unless annotated). {@code @Threads} cannot be a {@code @Param}, so a benchmark measured at
 *     several thread counts gets one plan per count
 */
public record Plan(
        String include,
        Map<String, List<String>> params,
        int forks,
        int warmupIterations,
        Duration warmupTime,
        int measurementIterations,
        Duration measurementTime,
        List<String> jvmArgs,
        String label,
        int threads) {

    /** A plan that keeps each benchmark's own thread count. */
    public Plan(
            String include,
            Map<String, List<String>> params,
            int forks,
            int warmupIterations,
            Duration warmupTime,
            int measurementIterations,
            Duration measurementTime,
            List<String> jvmArgs,
            String label) {
        this(
                include,
                params,
                forks,
                warmupIterations,
                warmupTime,
                measurementIterations,
                measurementTime,
                jvmArgs,
                label,
                0);
    }

    /**
     * @throws IllegalArgumentException naming the field, on a non-positive count or duration, or
     *     negative threads
     */
    public Plan {
        Objects.requireNonNull(include, "include");
        params =
                params == null
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        if (forks < 1) throw new IllegalArgumentException("forks must be >= 1, was " + forks);
        if (warmupIterations < 0)
            throw new IllegalArgumentException("warmupIterations must be >= 0");
        if (measurementIterations < 1)
            throw new IllegalArgumentException("measurementIterations must be >= 1");
        if (warmupTime.isNegative() || measurementTime.isZero() || measurementTime.isNegative()) {
            throw new IllegalArgumentException("iteration times must be positive");
        }
        if (threads < 0)
            throw new IllegalArgumentException(
                    "threads must be >= 0 (0 = the benchmark's own), was " + threads);
    }

    /** Wall time of one fork of one benchmark, without JVM and fixture start-up. */
    public Duration forkTime() {
        return warmupTime
                .multipliedBy(warmupIterations)
                .plus(measurementTime.multipliedBy(measurementIterations));
    }

    /** This plan with other {@code @Param} overrides. */
    public Plan withParams(Map<String, List<String>> value) {
        return new Plan(
                include,
                value,
                forks,
                warmupIterations,
                warmupTime,
                measurementIterations,
                measurementTime,
                jvmArgs,
                label,
                threads);
    }

    /** This plan with extra JVM arguments for its forks. */
    public Plan withJvmArgs(List<String> value) {
        return new Plan(
                include,
                params,
                forks,
                warmupIterations,
                warmupTime,
                measurementIterations,
                measurementTime,
                value,
                label,
                threads);
    }

    /**
     * This plan with {@code value} JMH worker threads.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Plan withThreads(int value) {
        return new Plan(
                include,
                params,
                forks,
                warmupIterations,
                warmupTime,
                measurementIterations,
                measurementTime,
                jvmArgs,
                label,
                value);
    }
}
