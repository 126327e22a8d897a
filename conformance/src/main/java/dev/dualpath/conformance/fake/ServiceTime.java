package dev.dualpath.conformance.fake;

/**
 * The stub's own service time for chat requests, cumulative since the {@link FakeProvider} started
 * (never reset, so that two snapshots can always be subtracted): what a reader subtracts to tell
 * the stub's cost from the client's.
 *
 * <p>Per chat request it is WireMock's processing (from its first listener call, before matching,
 * to just before it hands the response to the servlet layer: matching, rendering, the journal when
 * on) plus Jetty's sending (from just before the status line is written to the last byte handed to
 * the socket). The injected delay lies between the two and is excluded, with its overshoot; so is
 * what else lies there, WireMock copying the response into Jetty's buffer (~10 µs warm), and
 * Jetty's parsing of the request before WireMock sees it. It is wall time: under load it includes
 * the stub's threads waiting for a CPU. A chunked dribble delay falls inside the sending part, so
 * with dribble the figure is not a service time.
 *
 * @param requests chat requests whose response was sent in full
 * @param totalNanos summed service time of those requests, in nanoseconds
 */
public record ServiceTime(long requests, long totalNanos) {

    /** No request served. */
    public static final ServiceTime NONE = new ServiceTime(0, 0);

    /**
     * @throws IllegalArgumentException naming the field, on a negative value
     */
    public ServiceTime {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be >= 0, was " + requests);
        }
        if (totalNanos < 0) {
            throw new IllegalArgumentException("totalNanos must be >= 0, was " + totalNanos);
        }
    }

    /**
     * What was served between {@code earlier} and this snapshot.
     *
     * @throws IllegalArgumentException if {@code earlier} is later than this (its counts are
     *     higher)
     */
    public ServiceTime minus(ServiceTime earlier) {
        if (earlier.requests > requests || earlier.totalNanos > totalNanos) {
            throw new IllegalArgumentException(
                    "earlier snapshot " + earlier + " is ahead of " + this);
        }
        return new ServiceTime(requests - earlier.requests, totalNanos - earlier.totalNanos);
    }

    /** Mean service time per request in microseconds; NaN when no request was served. */
    public double meanMicros() {
        return requests == 0 ? Double.NaN : totalNanos / 1_000.0 / requests;
    }
}
