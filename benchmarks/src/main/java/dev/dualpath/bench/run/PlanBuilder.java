package dev.dualpath.bench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Named settings for a {@link Plan} ({@link Plan#of}, {@link Plan#toBuilder}); each setter checks
 * its value at once, so that a plan that was built is a valid one.
 */
public final class PlanBuilder {
    // Read by Plan's constructor, in this package only.
    final String include;
    Map<String, List<String>> params = Map.of();
    int forks = 1;
    int warmupIterations;
    List<WarmupRule> warmupRules = new ArrayList<>();
    Duration warmupTime = Duration.ofSeconds(1);
    int measurementIterations = 1;
    Duration measurementTime = Duration.ofSeconds(1);
    List<String> jvmArgs = List.of();
    String label;
    int threads;
    boolean oneCpu;

    PlanBuilder(String include) {
        this.include = include;
    }

    /** {@code @Param} overrides; null means none. */
    public PlanBuilder params(Map<String, List<String>> value) {
        this.params = value == null ? Map.of() : value;
        return this;
    }

    /**
     * Sets the number of forks per benchmark.
     *
     * @throws IllegalArgumentException if {@code value < 1}
     */
    public PlanBuilder forks(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("forks must be >= 1, was " + value);
        }
        this.forks = value;
        return this;
    }

    /**
     * {@code iterations} warm-up iterations of {@code time} each.
     *
     * @throws IllegalArgumentException if {@code iterations < 0} or {@code time} is negative
     */
    public PlanBuilder warmup(int iterations, Duration time) {
        if (iterations < 0) {
            throw new IllegalArgumentException("warmupIterations must be >= 0, was " + iterations);
        }
        if (time.isNegative()) {
            throw new IllegalArgumentException("warmupTime must be >= 0, was " + time);
        }
        this.warmupIterations = iterations;
        this.warmupTime = time;
        return this;
    }

    /**
     * A different warm-up length for the series {@code rule} matches; rules are tried in the order
     * added, and the first that matches a series sets its warm-up.
     */
    public PlanBuilder warmupFor(WarmupRule rule) {
        warmupRules.add(Objects.requireNonNull(rule, "rule"));
        return this;
    }

    PlanBuilder warmupRules(List<WarmupRule> rules) {
        this.warmupRules = new ArrayList<>(rules);
        return this;
    }

    /**
     * {@code iterations} measured iterations of {@code time} each.
     *
     * @throws IllegalArgumentException if {@code iterations < 1} or {@code time} is not positive
     */
    public PlanBuilder measurement(int iterations, Duration time) {
        if (iterations < 1) {
            throw new IllegalArgumentException(
                    "measurementIterations must be >= 1, was " + iterations);
        }
        if (time.isZero() || time.isNegative()) {
            throw new IllegalArgumentException("measurementTime must be > 0, was " + time);
        }
        this.measurementIterations = iterations;
        this.measurementTime = time;
        return this;
    }

    /** Extra JVM arguments for the forks; null means none. */
    public PlanBuilder jvmArgs(List<String> value) {
        this.jvmArgs = value == null ? List.of() : value;
        return this;
    }

    /** A short name for progress lines; null means the include pattern. */
    public PlanBuilder label(String value) {
        this.label = value;
        return this;
    }

    /**
     * JMH worker threads; 0 keeps each benchmark's own {@code @Threads}.
     *
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public PlanBuilder threads(int value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    "threads must be >= 0 (0 = the benchmark's own), was " + value);
        }
        this.threads = value;
        return this;
    }

    /** Whether each fork runs on one CPU (see {@link Plan#oneCpu()}). */
    public PlanBuilder oneCpu(boolean value) {
        this.oneCpu = value;
        return this;
    }

    /** The plan. */
    public Plan build() {
        return new Plan(this);
    }
}
