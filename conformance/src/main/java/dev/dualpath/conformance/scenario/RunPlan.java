package dev.dualpath.conformance.scenario;

import dev.dualpath.conformance.fake.InvalidFieldException;
import java.util.List;

/**
 * How many calls the runner makes for one scenario, and how. Every call is checked against {@code
 * expect.response}/{@code expect.error}; {@code expect.serverRequests} counts all calls.
 *
 * @param calls how many calls, 1..1000, all on one adapter instance
 * @param parallel whether they run at once (otherwise one after another)
 * @param awaitServerClose sequential only: before each call after the first, await (bounded) that
 *     the server has closed the previous call's connection ({@code
 *     FakeProvider.serverClosedConnectionCount() >= calls made}), then stay idle 300 ms, so the
 *     next call meets a pooled connection the server closed a while ago: a stale connection
 * @param mix ids of other scenarios to mix (empty for none): call {@code i} plays {@code mix[i %
 *     mix.size()]}, sends {@code X-Request-Id: <id>#<i>} and is checked against that scenario's
 *     expectation; the fake is set up with {@code FakeProvider.applyRouted} keyed by {@code
 *     "<id>#"}
 */
public record RunPlan(int calls, boolean parallel, boolean awaitServerClose, List<String> mix) {

    /** One call. */
    public static final RunPlan SINGLE = new RunPlan(1, false, false, List.of());

    /**
     * @throws InvalidFieldException naming the field, on inconsistent settings
     */
    public RunPlan {
        if (calls < 1 || calls > 1000) {
            throw new InvalidFieldException("calls", "must be 1..1000, was " + calls);
        }
        mix = mix == null ? List.of() : List.copyOf(mix);
        if (parallel && calls < 2) {
            throw new InvalidFieldException("parallel", "needs calls >= 2");
        }
        if (awaitServerClose && (parallel || calls < 2)) {
            throw new InvalidFieldException("awaitServerClose", "needs sequential calls >= 2");
        }
        if (!mix.isEmpty() && calls < mix.size()) {
            throw new InvalidFieldException(
                    "calls", "must be >= the mix size (" + mix.size() + "), was " + calls);
        }
    }

    /** Whether this plays other scenarios rather than its own script. */
    public boolean isMix() {
        return !mix.isEmpty();
    }
}
