package dev.dualpath.bench.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A warm-up length for some of a plan's series instead of the plan's own: the series a rule matches
 * warm up for {@link #iterations()} iterations (of the plan's warm-up time each).
 *
 * <p>Why a plan needs more than one length: the JIT compiles a method after a number of
 * invocations, not after a time. A path whose call takes 3 µs runs its per-call code about 300,000
 * times a second and is compiled within the first second; a path that starts a thread per call
 * (about 250 µs) runs it about 4,000 times a second: measured here at 1,400–2,000 µs in its first
 * second, still 300–700 µs after 4 s, and flat only from 6–8 s. One warm-up for both either
 * measures the slow path half-compiled or spends the fast paths' forks waiting.
 */
public sealed interface WarmupRule {

    /** Warm-up iterations for a series this rule matches (0 or more). */
    int iterations();

    /**
     * Whether this rule sets the warm-up of one series.
     *
     * @param benchmark the benchmark method's full name (JMH's user name)
     * @param params the series' {@code @Param} values by name
     */
    boolean matches(String benchmark, Map<String, String> params);

    /** This rule with at least {@code minimum} iterations. */
    WarmupRule atLeast(int minimum);

    /**
     * Matches the series whose {@code @Param} {@code param} has one of {@code values}.
     *
     * @param param a {@code @Param} field's name (case-sensitive)
     * @param values the values that match; at least one
     * @param iterations warm-up iterations for a matching series
     */
    record ForParam(String param, List<String> values, int iterations) implements WarmupRule {
        /**
         * Checks the rule.
         *
         * @throws IllegalArgumentException if {@code values} is empty or {@code iterations < 0}
         */
        public ForParam {
            Objects.requireNonNull(param, "param");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a warm-up rule on " + param + " needs values");
            }
            checkIterations(iterations);
        }

        @Override
        public boolean matches(String benchmark, Map<String, String> params) {
            String value = params.get(param);
            return value != null && values.contains(value);
        }

        @Override
        public ForParam atLeast(int minimum) {
            return new ForParam(param, values, Math.max(iterations, minimum));
        }
    }

    /**
     * Matches the series of the benchmark methods whose name {@code pattern} finds.
     *
     * @param pattern a regex searched for in the method's full name
     * @param iterations warm-up iterations for a matching series
     */
    record ForBenchmark(String pattern, int iterations) implements WarmupRule {
        /**
         * Checks the rule.
         *
         * @throws java.util.regex.PatternSyntaxException if {@code pattern} is not a regex
         * @throws IllegalArgumentException if {@code iterations < 0}
         */
        public ForBenchmark {
            Pattern.compile(pattern);
            checkIterations(iterations);
        }

        @Override
        public boolean matches(String benchmark, Map<String, String> params) {
            return Pattern.compile(pattern).matcher(benchmark).find();
        }

        @Override
        public ForBenchmark atLeast(int minimum) {
            return new ForBenchmark(pattern, Math.max(iterations, minimum));
        }
    }

    private static void checkIterations(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("warmupIterations must be >= 0, was " + iterations);
        }
    }
}
