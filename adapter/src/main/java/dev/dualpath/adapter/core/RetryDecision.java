package dev.dualpath.adapter.core;

import java.time.Duration;
import java.util.Objects;

/** What to do after a failed attempt: stop, or wait and try again. */
public sealed interface RetryDecision {

    /** Give up and throw the failure. */
    record Stop() implements RetryDecision {}

    /** Wait {@code delay}, then attempt again. */
    record RetryAfter(Duration delay) implements RetryDecision {
        public RetryAfter {
            Objects.requireNonNull(delay, "delay");
        }
    }

    RetryDecision STOP = new Stop();
}
