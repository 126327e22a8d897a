/**
 * The test doubles the adapter's and the conformance suite's tests share, one of each: {@code
 * RecordingSleeper} (really waits, optionally capped, and records every wait asked for), {@code
 * ScriptedTransport} (behaviour chosen by the request id's prefix, so concurrent calls need no
 * shared script), {@code Normaliser} with {@code Outcome} and {@code ErrorOutcome} (a call's result
 * with the timing fields removed, so two paths can be compared with {@code equals}).
 *
 * <p>May depend on the adapter only, never on the conformance suite or the benchmarks. Only the
 * test kit and the conformance suite may use it: production code outside them, and everything that
 * is measured, must not (ArchitectureTest).
 */
package dev.dualpath.testkit;
