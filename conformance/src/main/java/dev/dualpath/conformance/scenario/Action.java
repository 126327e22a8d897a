package dev.dualpath.conformance.scenario;

import dev.dualpath.conformance.fake.InvalidFieldException;
import java.time.Duration;
import java.util.Objects;

/**
 * What the runner does to a call in flight.
 *
 * @param kind cancel the async path's future, or interrupt the thread blocked on a sync path
 * @param after how long after {@code from} to act; ≥ 0
 * @param from the event {@code after} counts from
 * @param count {@link Trigger#SERVER_RECEIVED} only: how many chat requests the fake must have
 *     received (e.g. a batch's fourth call); 1 by default
 */
public record Action(Kind kind, Duration after, Trigger from, int count) {

    /** How the call is stopped. */
    public enum Kind {
        /**
         * {@code future.cancel(true)} on the future of the async path ({@code invoke()}). Applies
         * only to paths that return a future.
         */
        CANCEL,
        /**
         * {@code Thread.interrupt()} on the thread blocked in a sync call. Applies only to blocking
         * paths.
         */
        INTERRUPT
    }

    /** The event the delay counts from; the runner awaits it with a bound before counting. */
    public enum Trigger {
        /** The call was started. */
        CALL_START,
        /**
         * The fake counted the call's first request ({@code FakeProvider.chatRequestCount() >=
         * count}, {@code count} 1 unless given).
         */
        SERVER_RECEIVED,
        /** The raw server stalled mid-body ({@code FakeProvider.stalledBodyCount() >= 1}). */
        BODY_STALLED,
        /**
         * The adapter's sleeper began its first retry wait (the runner's recording sleeper sees
         * it).
         */
        BACKOFF_STARTED,
        /** A streamed call delivered its first chunk to the runner. */
        FIRST_CHUNK
    }

    /**
     * @throws InvalidFieldException naming {@code kind} or {@code afterMs}
     */
    public Action {
        if (kind == null) {
            throw new InvalidFieldException("kind", "is required: CANCEL or INTERRUPT");
        }
        if (after == null || after.isNegative()) {
            throw new InvalidFieldException("afterMs", "must be >= 0, was " + after);
        }
        from = Objects.requireNonNullElse(from, Trigger.CALL_START);
        if (count < 1) {
            throw new InvalidFieldException("count", "must be >= 1, was " + count);
        }
        if (count > 1 && from != Trigger.SERVER_RECEIVED) {
            throw new InvalidFieldException("count", "applies only to from SERVER_RECEIVED");
        }
    }
}
