package dev.dualpath.conformance.runner;

/**
 * One way of making a call that the conformance suite checks, e.g. {@code apache/DIRECT} or {@code
 * jdk/invoke}.
 */
public interface PathUnderTest {

    /**
     * A short unique name within its plug-in, used as a report column, e.g. {@code
     * jdk/SHARED_LOOP}.
     */
    String name();

    /** Whether {@link #open} returns a {@link BlockingClient} or a {@link FutureClient}. */
    PathKind kind();

    /**
     * Whether this path sends batches: {@link #open} then returns a {@link BlockingBatchClient} or
     * a {@link FutureBatchClient}, and the scenarios with a {@code batch} section run here (and are
     * skipped on every other path). False by default.
     */
    default boolean batches() {
        return false;
    }

    /**
     * Builds this path's client for one scenario. The runner closes it after the scenario.
     *
     * @return a {@link BlockingClient} for {@link PathKind#BLOCKING}, a {@link FutureClient} for
     *     {@link PathKind#FUTURE}
     */
    ClientUnderTest open(ClientSetup setup);
}
