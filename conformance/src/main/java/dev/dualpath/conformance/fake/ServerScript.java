package dev.dualpath.conformance.fake;

import java.util.List;

/**
 * What the fake provider answers to successive chat requests: attempt 1 gets {@code attempts[0]},
 * attempt 2 {@code attempts[1]}, and so on. After the last, {@code repeatLast} decides: the last
 * attempt again, or a 500 whose body says the script is exhausted (so an unexpected extra attempt
 * shows up as a mismatch, not a hang).
 *
 * @param attempts one or more attempts, in order
 * @param repeatLast whether the last attempt answers every request after it
 * @param backend which server plays the script; see {@link #derivedBackend(List)}
 */
public record ServerScript(List<AttemptScript> attempts, boolean repeatLast, Backend backend) {

    /**
     * @throws InvalidFieldException naming the field: no attempts; {@code REFUSED} mixed with
     *     anything else; WireMock faults mixed with raw-socket faults; or a {@code backend} that
     *     cannot play the attempts (a raw-socket fault or a headers-first dribble on WireMock)
     */
    public ServerScript {
        if (attempts == null || attempts.isEmpty()) {
            throw new InvalidFieldException("attempts", "must hold at least one attempt");
        }
        attempts = List.copyOf(attempts);
        Backend derived = derivedBackend(attempts);
        if (backend == null) {
            backend = derived;
        }
        for (int i = 0; i < attempts.size(); i++) {
            AttemptScript a = attempts.get(i);
            String at = "attempts[" + i + "]";
            if (backend == Backend.REFUSED && a.fault() != Fault.REFUSED) {
                throw new InvalidFieldException(
                        at + ".fault",
                        "must be REFUSED: a refused port cannot answer, "
                                + "so REFUSED must be every attempt's fault");
            }
            if (backend != Backend.REFUSED && a.fault() == Fault.REFUSED) {
                throw new InvalidFieldException(
                        at + ".fault", "REFUSED must be the fault of every attempt of its script");
            }
            if (backend == Backend.RAW_SOCKET
                    && a.backend() == Backend.WIREMOCK
                    && a.fault() != null) {
                throw new InvalidFieldException(
                        at + ".fault",
                        a.fault()
                                + " is a WireMock fault and cannot share a "
                                + "script with raw-socket behaviour");
            }
            if (backend == Backend.WIREMOCK && a.backend() != Backend.WIREMOCK) {
                throw a.fault() != null
                        ? new InvalidFieldException(
                                at + ".fault",
                                a.fault() + " needs backend " + a.backend() + ", not WIREMOCK")
                        : new InvalidFieldException(
                                at + ".dribble.mode",
                                a.dribble().mode()
                                        + " needs backend "
                                        + a.backend()
                                        + ", not WIREMOCK");
            }
        }
    }

    /** One attempt, repeated for every request. */
    public static ServerScript always(AttemptScript attempt) {
        return new ServerScript(List.of(attempt), true, null);
    }

    /** These attempts in order, the last one repeated. */
    public static ServerScript sequence(AttemptScript... attempts) {
        return new ServerScript(List.of(attempts), true, null);
    }

    /**
     * The backend the attempts need: {@code REFUSED} if the first attempt is refused, else {@code
     * RAW_SOCKET} if any attempt has a raw-socket fault or a headers-first dribble, else {@code
     * WIREMOCK}.
     */
    public static Backend derivedBackend(List<AttemptScript> attempts) {
        if (attempts.get(0).fault() == Fault.REFUSED) {
            return Backend.REFUSED;
        }
        return attempts.stream().anyMatch(a -> a.backend() == Backend.RAW_SOCKET)
                ? Backend.RAW_SOCKET
                : Backend.WIREMOCK;
    }

    /**
     * The attempt that answers request number {@code n} (1-based), or null when the script is
     * exhausted.
     */
    public AttemptScript attemptFor(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        if (n <= attempts.size()) {
            return attempts.get(n - 1);
        }
        return repeatLast ? attempts.get(attempts.size() - 1) : null;
    }

    /** The body both backends send when a script without {@code repeatLast} runs out. */
    static final String EXHAUSTED_BODY =
            "{\"message\":\"fake provider: script exhausted, this request was not "
                + "scripted\",\"type\":\"fake_script_exhausted\",\"param\":null,\"code\":\"script_exhausted\"}";
}
