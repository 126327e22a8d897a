package dev.dualpath.conformance.runner;

import java.time.Duration;

/**
 * Recorded as the outcome of a call that did not finish within its scenario's bound; the runner
 * then interrupts or cancels it and moves on, so a hanging path fails instead of hanging the build.
 */
public final class BoundExceededException extends RuntimeException {

    /**
     * @param bound the scenario's bound
     */
    public BoundExceededException(Duration bound) {
        super("the call did not finish within the scenario's bound of " + bound.toMillis() + " ms");
    }
}
