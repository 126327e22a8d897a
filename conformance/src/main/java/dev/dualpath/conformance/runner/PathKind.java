package dev.dualpath.conformance.runner;

/**
 * How a path hands its result back, which decides what the runner can do to a call in flight:
 * interrupt the caller's thread ({@link #BLOCKING}) or cancel the future ({@link #FUTURE}).
 */
public enum PathKind {
    /** The call blocks the calling thread; a scenario action INTERRUPT applies, CANCEL does not. */
    BLOCKING,
    /** The call returns a future at once; a scenario action CANCEL applies, INTERRUPT does not. */
    FUTURE
}
