package dev.dualpath.bench.run;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One JMH invocation of a profile: which benchmarks, which {@code @Param} values, and how long.
 * Built with named settings, as JMH's {@code OptionsBuilder} is, so that fork, warm-up and
 * measurement counts cannot swap places unnoticed:
 *
 * <pre>{@code
 * Plan plan = Plan.of(IN_MEMORY)
 *         .label("in-memory")
 *         .forks(3)
 *         .warmup(4, Duration.ofSeconds(1))
 *         .measurement(3, Duration.ofMillis(500))
 *         .build();
 * }</pre>
 *
 * <p>Every setting but {@code include} has a default: no {@code @Param} overrides, 1 fork, no
 * warm-up, one 1 s measured iteration, no extra JVM arguments, each benchmark's own thread count,
 * and the include pattern as the label.
 */
public final class Plan {

    private final String include;
    private final Map<String, List<String>> params;
    private final int forks;
    private final int warmupIterations;
    private final List<WarmupRule> warmupRules;
    private final Duration warmupTime;
    private final int measurementIterations;
    private final Duration measurementTime;
    private final List<String> jvmArgs;
    private final String label;
    private final int threads;
    private final boolean oneCpu;

    /** From the builder's settings, already checked; {@link PlanBuilder#build()} calls it. */
    Plan(PlanBuilder b) {
        this.include = b.include;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        this.forks = b.forks;
        this.warmupIterations = b.warmupIterations;
        this.warmupRules = List.copyOf(b.warmupRules);
        this.warmupTime = b.warmupTime;
        this.measurementIterations = b.measurementIterations;
        this.measurementTime = b.measurementTime;
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.label = b.label == null ? b.include : b.label;
        this.threads = b.threads;
        this.oneCpu = b.oneCpu;
    }

    /**
     * A builder for a plan of the benchmarks matching {@code include}.
     *
     * @param include regex of benchmark names (JMH {@code -i} semantics)
     * @throws NullPointerException if {@code include} is null
     */
    public static PlanBuilder of(String include) {
        return new PlanBuilder(Objects.requireNonNull(include, "include"));
    }

    /** A builder that starts from this plan's settings. */
    public PlanBuilder toBuilder() {
        return new PlanBuilder(include)
                .params(params)
                .forks(forks)
                .warmup(warmupIterations, warmupTime)
                .warmupRules(warmupRules)
                .measurement(measurementIterations, measurementTime)
                .jvmArgs(jvmArgs)
                .label(label)
                .threads(threads)
                .oneCpu(oneCpu);
    }

    /** Regex of benchmark names (JMH {@code -i} semantics). */
    public String include() {
        return include;
    }

    /** {@code @Param} overrides; a benchmark without the named param ignores it. Never null. */
    public Map<String, List<String>> params() {
        return params;
    }

    /** Forks per benchmark; forks are the statistical unit, so at least 3 for any verdict. */
    public int forks() {
        return forks;
    }

    /** Warm-up iterations per fork (0 or more) of a series no {@link #warmupRules()} matches. */
    public int warmupIterations() {
        return warmupIterations;
    }

    /**
     * Warm-up iterations per fork of one series: the first of {@link #warmupRules()} that matches
     * it, else {@link #warmupIterations()}.
     *
     * @param benchmark the benchmark method's full name
     * @param params the series' {@code @Param} values by name
     */
    public int warmupIterations(String benchmark, Map<String, String> params) {
        for (WarmupRule rule : warmupRules) {
            if (rule.matches(benchmark, params)) {
                return rule.iterations();
            }
        }
        return warmupIterations;
    }

    /** Series that warm up for longer or shorter than the plan's own warm-up; often empty. */
    public List<WarmupRule> warmupRules() {
        return warmupRules;
    }

    /** Length of one warm-up iteration. */
    public Duration warmupTime() {
        return warmupTime;
    }

    /** Measured iterations per fork (1 or more). */
    public int measurementIterations() {
        return measurementIterations;
    }

    /** Length of one measured iteration. */
    public Duration measurementTime() {
        return measurementTime;
    }

    /** Extra JVM arguments for the forks (e.g. {@code -XX:ActiveProcessorCount=1}). */
    public List<String> jvmArgs() {
        return jvmArgs;
    }

    /** A short name for progress lines. */
    public String label() {
        return label;
    }

    /**
     * JMH worker threads (JMH {@code -t}); 0 keeps each benchmark's own {@code @Threads} (1 unless
     * annotated). {@code @Threads} cannot be a {@code @Param}, so a benchmark measured at several
     * thread counts gets one plan per count.
     */
    public int threads() {
        return threads;
    }

    /**
     * Whether each fork runs on one CPU of the run's benchmark CPUs ({@code taskset}), so that its
     * JVM sees one CPU and chooses as a 1-CPU container's JVM does, its collector included; where
     * the run cannot pin, the forks run unpinned and the run says so.
     */
    public boolean oneCpu() {
        return oneCpu;
    }

    /**
     * Wall time of one fork of one series, without JVM and fixture start-up.
     *
     * @param benchmark the benchmark method's full name
     * @param params the series' {@code @Param} values by name
     */
    public Duration forkTime(String benchmark, Map<String, String> params) {
        return forkTime(warmupIterations(benchmark, params));
    }

    private Duration forkTime(int warmups) {
        return warmupTime
                .multipliedBy(warmups)
                .plus(measurementTime.multipliedBy(measurementIterations));
    }

    /** This plan with other {@code @Param} overrides. */
    public Plan withParams(Map<String, List<String>> value) {
        return toBuilder().params(value).build();
    }

    /**
     * This plan with {@code value} forks.
     *
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public Plan withForks(int value) {
        return toBuilder().forks(value).build();
    }

    /**
     * This plan with every series warming up for at least {@code minimum} iterations (of {@link
     * #warmupTime()} each): its own warm-up and each rule's, raised where shorter.
     *
     * @throws IllegalArgumentException if {@code minimum} is negative
     */
    public Plan withMinimumWarmup(int minimum) {
        if (minimum < 0) {
            throw new IllegalArgumentException("minimum warm-up must be >= 0, was " + minimum);
        }
        return toBuilder()
                .warmup(Math.max(warmupIterations, minimum), warmupTime)
                .warmupRules(warmupRules.stream().map(r -> r.atLeast(minimum)).toList())
                .build();
    }

    /** This plan with other JVM arguments for its forks. */
    public Plan withJvmArgs(List<String> value) {
        return toBuilder().jvmArgs(value).build();
    }

    /**
     * This plan with {@code value} JMH worker threads.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Plan withThreads(int value) {
        return toBuilder().threads(value).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plan p
                && include.equals(p.include)
                && params.equals(p.params)
                && forks == p.forks
                && warmupIterations == p.warmupIterations
                && warmupRules.equals(p.warmupRules)
                && warmupTime.equals(p.warmupTime)
                && measurementIterations == p.measurementIterations
                && measurementTime.equals(p.measurementTime)
                && jvmArgs.equals(p.jvmArgs)
                && label.equals(p.label)
                && threads == p.threads
                && oneCpu == p.oneCpu;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                include,
                params,
                forks,
                warmupIterations,
                warmupRules,
                warmupTime,
                measurementIterations,
                measurementTime,
                jvmArgs,
                label,
                threads,
                oneCpu);
    }

    @Override
    public String toString() {
        return "Plan["
                + label
                + ": "
                + include
                + " "
                + params
                + ", forks "
                + forks
                + ", warm-up "
                + warmupIterations
                + " x "
                + warmupTime
                + (warmupRules.isEmpty() ? "" : " except " + warmupRules)
                + ", measurement "
                + measurementIterations
                + " x "
                + measurementTime
                + ", jvmArgs "
                + jvmArgs
                + ", threads "
                + threads
                + (oneCpu ? ", one CPU" : "")
                + "]";
    }
}
