package dev.dualpath.conformance.scenario;

import dev.dualpath.conformance.fake.InvalidFieldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected outcome of each call of a scenario; null fields are not checked.
 *
 * @param response the expected response; exactly one of response and error (neither only for a mix,
 *     whose calls use their own scenario's expectation)
 * @param error the expected failure
 * @param attempts HTTP attempts per call, or null
 * @param sleeps the retry waits the sleeper was asked for per call, jitter fixed at 1.0, in order
 *     (a wait cut short by a cancellation counts), or null
 * @param serverRequests chat requests the server received over the whole run, or null
 * @param clientClosedSocket true to require that the raw server saw the client close the socket
 *     while it was delaying or stalling ({@code clientAborts >= 1}), or null
 * @param chunks what a streamed call delivered before its outcome, or null
 * @param batch what a batch scenario's batch as a whole must come to, or null
 */
public record Expectation(
        ExpectedResponse response,
        ExpectedError error,
        Integer attempts,
        List<Duration> sleeps,
        Integer serverRequests,
        Boolean clientClosedSocket,
        ExpectedChunks chunks,
        ExpectedBatch batch) {

    /**
     * @throws InvalidFieldException naming the field
     */
    public Expectation {
        if (response != null && error != null) {
            throw new InvalidFieldException("response", "and error are exclusive");
        }
        if (attempts != null && attempts < 1) {
            throw new InvalidFieldException("attempts", "must be >= 1, was " + attempts);
        }
        if (serverRequests != null && serverRequests < 0) {
            throw new InvalidFieldException(
                    "serverRequests", "must be >= 0, was " + serverRequests);
        }
        sleeps = sleeps == null ? null : List.copyOf(sleeps);
        // one sleep between attempts, plus possibly one that a cancellation cut short
        if (sleeps != null && attempts != null && sleeps.size() > attempts) {
            throw new InvalidFieldException(
                    "sleepsMs",
                    "has "
                            + sleeps.size()
                            + " sleeps for "
                            + attempts
                            + " attempts (at most one per attempt)");
        }
    }

    /** An expectation of a call that is not streamed. */
    public Expectation(
            ExpectedResponse response,
            ExpectedError error,
            Integer attempts,
            List<Duration> sleeps,
            Integer serverRequests,
            Boolean clientClosedSocket) {
        this(response, error, attempts, sleeps, serverRequests, clientClosedSocket, null, null);
    }

    /**
     * This expectation for one item of a batch: its outcome and, for a response, its attempts (the
     * response reports them); not its sleeps or a failure's attempts, which the runner cannot tell
     * apart between items running at once (the batch checks all sleeps together).
     *
     * @param succeeded whether the item's call returned a response
     */
    public Expectation forBatchItem(boolean succeeded) {
        return new Expectation(
                response, error, succeeded ? attempts : null, null, null, null, chunks, null);
    }

    /** Whether this names an outcome (a response or an error). */
    public boolean hasOutcome() {
        return response != null || error != null;
    }

    /**
     * Checks a one-call run: {@link #callMismatches} plus {@link #runMismatches} of {@code
     * seen.serverRequests()}.
     *
     * @return every difference, empty when it matches
     */
    public List<String> mismatches(Observation seen) {
        List<String> out = callMismatches(seen);
        out.addAll(runMismatches(seen.serverRequests()));
        return out;
    }

    /**
     * Checks one call of a run: outcome, attempts, sleeps and the client-closed socket; not {@code
     * serverRequests}, which counts the whole run.
     *
     * @return every difference, empty (and mutable) when it matches
     */
    public List<String> callMismatches(Observation seen) {
        List<String> out = new ArrayList<>();
        if (response != null) {
            if (seen.response() == null) {
                out.add(
                        "expected a response but the call failed with "
                                + seen.error().getClass().getSimpleName()
                                + ": "
                                + seen.error().getMessage());
            } else {
                out.addAll(response.mismatches(seen.response()));
            }
        }
        if (error != null) {
            if (seen.error() == null) {
                out.add("expected " + error.className() + " but the call succeeded");
            } else {
                out.addAll(error.mismatches(seen.error()));
            }
        }
        Describe.equal(out, "attempts", attempts, seen.attempts());
        Describe.equal(out, "sleepsMs", sleeps, seen.sleeps());
        if (chunks != null) {
            out.addAll(chunks.mismatches(seen.chunks()));
        }
        if (Boolean.TRUE.equals(clientClosedSocket) && seen.clientAborts() < 1) {
            out.add("clientClosedSocket: expected the server to see the socket closed, it did not");
        }
        return out;
    }

    /**
     * Checks what the server received over the whole run.
     *
     * @param serverRequests {@code FakeProvider.chatRequestCount()} after the last call
     * @return every difference, empty (and mutable) when it matches
     */
    public List<String> runMismatches(int serverRequests) {
        List<String> out = new ArrayList<>();
        Describe.equal(out, "serverRequests", this.serverRequests, serverRequests);
        return out;
    }
}
