package dev.dualpath.conformance.fake;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.UniformDistribution;
import java.time.Duration;

/**
 * Injected server latency before the response headers, as WireMock models it. Millisecond
 * resolution: sub-millisecond parts are truncated. WireMock's delay is a sleep and overshoots by a
 * fraction of a millisecond, more when the client was idle
 * (docs/calibration.md#wiremock-delay-overshoot): compare against a baseline at the same latency,
 * never against the nominal value.
 */
public sealed interface Latency permits Latency.Fixed, Latency.Uniform, Latency.LogNormal {

    /**
     * {@code response} with this latency set, as WireMock models it.
     *
     * @param response the stub's response definition
     * @return the same builder, for chaining
     */
    ResponseDefinitionBuilder applyTo(ResponseDefinitionBuilder response);

    /** No injected delay. */
    Latency NONE = new Fixed(Duration.ZERO);

    /** The same delay for every response ({@code withFixedDelay}). */
    record Fixed(Duration delay) implements Latency {
        /**
         * @throws InvalidFieldException if {@code delay} is null or negative
         */
        public Fixed {
            requireNonNegative(delay, "delay");
        }

        @Override
        public ResponseDefinitionBuilder applyTo(ResponseDefinitionBuilder response) {
            return delay.isZero()
                    ? response
                    : response.withFixedDelay(Math.toIntExact(delay.toMillis()));
        }
    }

    /** A delay drawn uniformly from {@code [min, max]} ({@code UniformDistribution}). */
    record Uniform(Duration min, Duration max) implements Latency {
        /**
         * @throws InvalidFieldException if a bound is null or negative, or {@code max < min}
         */
        public Uniform {
            requireNonNegative(min, "min");
            requireNonNegative(max, "max");
            if (max.compareTo(min) < 0) {
                throw new InvalidFieldException(
                        "max",
                        "must be >= min ("
                                + min.toMillis()
                                + " ms), was "
                                + max.toMillis()
                                + " ms");
            }
        }

        @Override
        public ResponseDefinitionBuilder applyTo(ResponseDefinitionBuilder response) {
            return response.withRandomDelay(
                    new UniformDistribution(
                            Math.toIntExact(min.toMillis()), Math.toIntExact(max.toMillis())));
        }
    }

    /**
     * A log-normal delay ({@code LogNormal}): half the responses wait less than {@code median};
     * {@code sigma} is the standard deviation of the underlying normal (0.1 is tight, 1
     * heavy-tailed).
     */
    record LogNormal(Duration median, double sigma) implements Latency {
        /**
         * @throws InvalidFieldException if {@code median} is null or not positive, or {@code sigma}
         *     is negative or not finite
         */
        public LogNormal {
            if (median == null || median.isZero() || median.isNegative()) {
                throw new InvalidFieldException(
                        "median", "must be a positive duration, was " + median);
            }
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new InvalidFieldException("sigma", "must be finite and >= 0, was " + sigma);
            }
        }

        @Override
        public ResponseDefinitionBuilder applyTo(ResponseDefinitionBuilder response) {
            return response.withRandomDelay(
                    new com.github.tomakehurst.wiremock.http.LogNormal(
                            median.toNanos() / 1e6, sigma));
        }
    }

    /** A fixed delay of {@code millis} milliseconds. */
    static Latency fixedMillis(long millis) {
        return new Fixed(Duration.ofMillis(millis));
    }

    private static void requireNonNegative(Duration d, String field) {
        if (d == null || d.isNegative()) {
            throw new InvalidFieldException(field, "must be a duration >= 0, was " + d);
        }
    }
}
