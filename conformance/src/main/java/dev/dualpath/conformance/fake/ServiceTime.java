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
 * <p>Beside it, each request's <i>residence</i> in the stub: from Jetty having parsed its request
 * line and headers to the response's last byte handed to the socket, so everything the stub did or
 * waited for, the injected delay as the stub's timer served it included. One call's time minus its
 * residence is what the client and the wire between them took; the residence minus the service time
 * is the delay as served (its timer's overshoot, a halted CPU's wake-up) plus the small parts named
 * above.
 *
 * @param requests chat requests whose response was sent in full
 * @param totalNanos summed service time of those requests, in nanoseconds
 * @param residenceNanos summed residence of those requests, in nanoseconds
 */
public record ServiceTime(long requests, long totalNanos, long residenceNanos) {

    /** No request served. */
    public static final ServiceTime NONE = new ServiceTime(0, 0, 0);

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
        if (residenceNanos < 0) {
            throw new IllegalArgumentException(
                    "residenceNanos must be >= 0, was " + residenceNanos);
        }
    }

    /**
     * What was served between {@code earlier} and this snapshot.
     *
     * @throws IllegalArgumentException if {@code earlier} is later than this (its counts are
     *     higher)
     */
    public ServiceTime minus(ServiceTime earlier) {
        if (earlier.requests > requests
                || earlier.totalNanos > totalNanos
                || earlier.residenceNanos > residenceNanos) {
            throw new IllegalArgumentException(
                    "earlier snapshot " + earlier + " is ahead of " + this);
        }
        return new ServiceTime(
                requests - earlier.requests,
                totalNanos - earlier.totalNanos,
                residenceNanos - earlier.residenceNanos);
    }

    /** Mean service time per request in microseconds; NaN when no request was served. */
    public double meanMicros() {
        return requests == 0 ? Double.NaN : totalNanos / 1_000.0 / requests;
    }

    /**
     * Mean residence per request in microseconds, the injected delay included; NaN when no request
     * was served.
     */
    public double meanResidenceMicros() {
        return requests == 0 ? Double.NaN : residenceNanos / 1_000.0 / requests;
    }
}
