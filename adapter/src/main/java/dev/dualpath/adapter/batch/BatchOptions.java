package dev.dualpath.adapter.batch;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a batch runs: how many of its calls may be in flight at once, and how long the whole batch
 * may take. Built with named settings:
 *
 * <pre>{@code
 * BatchOptions options = BatchOptions.builder()
 *         .limit(16)
 *         .deadline(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 *
 * <p>The limit bounds the calls the provider sees at once, a call waiting out a retry backoff
 * included (it keeps its place). Keep it at or below the transport's connection pool ({@code
 * TransportConfig.maxConnections}, 64 by default): beyond it, calls queue for a pooled connection
 * inside the transport, and that wait counts against each call's own timeouts.
 *
 * <p>The deadline covers the whole batch, from the call that starts it: when it passes, calls in
 * flight are aborted and calls not started never start; each reports {@link
 * ItemStatus#DEADLINE_EXCEEDED}. Each call keeps its own timeouts too. Immutable.
 */
public final class BatchOptions {

    /** The limit when none is given: a few calls at once, gentle on a provider's rate limits. */
    public static final int DEFAULT_LIMIT = 4;

    private static final BatchOptions DEFAULTS = builder().build();

    private final int limit;
    private final @Nullable Duration deadline;

    private BatchOptions(Builder b) {
        this.limit = b.limit;
        this.deadline = b.deadline;
    }

    /** {@value #DEFAULT_LIMIT} calls at once, no batch deadline. */
    public static BatchOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder().limit(limit);
        b.deadline = deadline;
        return b;
    }

    /** The most calls in flight at once; at least 1. */
    public int limit() {
        return limit;
    }

    /** How long the whole batch may take, or empty for no batch deadline. */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchOptions other
                && limit == other.limit
                && Objects.equals(deadline, other.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, deadline);
    }

    @Override
    public String toString() {
        return "BatchOptions[limit="
                + limit
                + ", deadline="
                + (deadline == null ? "none" : deadline.toMillis() + " ms")
                + "]";
    }

    /** Named settings for {@link BatchOptions}; validated by {@link #build()}. */
    public static final class Builder {
        private int limit = DEFAULT_LIMIT;
        private @Nullable Duration deadline;

        private Builder() {}

        /** The most calls in flight at once; default {@value BatchOptions#DEFAULT_LIMIT}. */
        public Builder limit(int value) {
            this.limit = value;
            return this;
        }

        /**
         * How long the whole batch may take; default none.
         *
         * @throws NullPointerException if {@code value} is null (use {@link #noDeadline()})
         */
        public Builder deadline(Duration value) {
            this.deadline = Objects.requireNonNull(value, "deadline");
            return this;
        }

        /** No batch deadline (each call still has its own timeouts). */
        public Builder noDeadline() {
            this.deadline = null;
            return this;
        }

        /**
         * The options as set.
         *
         * @throws IllegalArgumentException naming the setting, if the limit is below 1 or the
         *     deadline is zero or negative
         */
        public BatchOptions build() {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1, was " + limit);
            }
            if (deadline != null && (deadline.isZero() || deadline.isNegative())) {
                throw new IllegalArgumentException("deadline must be positive, was " + deadline);
            }
            return new BatchOptions(this);
        }
    }
}
