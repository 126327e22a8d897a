package dev.dualpath.conformance.fake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the server does for one attempt (one received chat request).
 *
 * @param status the HTTP status, 100..599 (ignored by faults that send no status line)
 * @param headers response headers in order, never null; {@code Content-Length} is computed, do not
 *     set it
 * @param body the body bytes, never null (empty for none). Not copied: do not mutate it.
 * @param delay how long the server waits before the status line, ≥ 0, millisecond resolution
 * @param dribble a slow body, or null to send the body at once; not with a fault
 * @param fault a failure below HTTP, or null for a well-formed response
 * @param sse a streamed body of paced events instead of {@code body} (which must then be empty), or
 *     null; raw socket only, with no fault but {@link Fault#STALL_MID_BODY} or {@link
 *     Fault#RESET_MID_BODY}, which then happen after the events
 */
// equals/hashCode below compare the body by content, so the array component is safe.
@SuppressWarnings("ArrayRecordComponent")
public record AttemptScript(
        int status,
        Map<String, String> headers,
        byte[] body,
        Duration delay,
        Dribble dribble,
        Fault fault,
        SseScript sse) {

    /**
     * @throws InvalidFieldException naming the field, on any value outside the ranges above
     */
    public AttemptScript {
        if (status < 100 || status > 599) {
            throw new InvalidFieldException("status", "must be 100..599, was " + status);
        }
        headers =
                headers == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        for (String name : headers.keySet()) {
            if (name == null || name.isBlank() || name.equalsIgnoreCase("Content-Length")) {
                throw new InvalidFieldException(
                        "headers", "must not set '" + name + "' (Content-Length is computed)");
            }
            if (headers.get(name) == null) {
                throw new InvalidFieldException("headers." + name, "must be a string, was null");
            }
        }
        body = body == null ? new byte[0] : body;
        if (delay == null || delay.isNegative()) {
            throw new InvalidFieldException("delayMs", "must be >= 0, was " + delay);
        }
        if (dribble != null && fault != null) {
            throw new InvalidFieldException("dribble", "cannot be combined with fault " + fault);
        }
        if (dribble != null && dribble.chunks() > Math.max(1, body.length)) {
            throw new InvalidFieldException(
                    "dribble.chunks",
                    "must be <= the body length ("
                            + body.length
                            + " bytes), was "
                            + dribble.chunks());
        }
        if (sse != null) {
            if (body.length > 0) {
                throw new InvalidFieldException("stream", "replaces the body: give one of them");
            }
            if (dribble != null) {
                throw new InvalidFieldException("stream", "cannot be combined with dribble");
            }
            if (fault != null && fault != Fault.STALL_MID_BODY && fault != Fault.RESET_MID_BODY) {
                throw new InvalidFieldException(
                        "fault",
                        "of a stream must be STALL_MID_BODY or RESET_MID_BODY, was " + fault);
            }
        }
        if (fault == Fault.STALL_MID_BODY && sse == null && body.length < 2) {
            throw new InvalidFieldException(
                    "body", "must have at least 2 bytes for STALL_MID_BODY, has " + body.length);
        }
    }

    /** An attempt without a streamed body (as before streams existed). */
    public AttemptScript(
            int status,
            Map<String, String> headers,
            byte[] body,
            Duration delay,
            Dribble dribble,
            Fault fault) {
        this(status, headers, body, delay, dribble, fault, null);
    }

    /** A 200 event stream ({@code Content-Type: text/event-stream}) with no delay. */
    public static AttemptScript stream(SseScript sse) {
        return new AttemptScript(
                200,
                Map.of("Content-Type", "text/event-stream"),
                new byte[0],
                Duration.ZERO,
                null,
                null,
                Objects.requireNonNull(sse, "sse"));
    }

    /** A well-formed response with no delay. */
    public static AttemptScript respond(int status, Map<String, String> headers, String body) {
        return new AttemptScript(
                status, headers, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO, null, null);
    }

    /** A JSON response ({@code Content-Type: application/json}) with no delay. */
    public static AttemptScript json(int status, String json) {
        return respond(status, Map.of("Content-Type", "application/json"), json);
    }

    /** Only a fault (status 200, no body), after no delay. */
    public static AttemptScript fault(Fault fault) {
        return new AttemptScript(
                200,
                Map.of(),
                new byte[0],
                Duration.ZERO,
                null,
                Objects.requireNonNull(fault, "fault"));
    }

    /** This attempt answered after {@code value}. */
    public AttemptScript withDelay(Duration value) {
        return new AttemptScript(status, headers, body, value, dribble, fault, sse);
    }

    /** This attempt with a slow body. */
    public AttemptScript withDribble(Dribble value) {
        return new AttemptScript(status, headers, body, delay, value, fault, sse);
    }

    /** This attempt with a fault. */
    public AttemptScript withFault(Fault value) {
        return new AttemptScript(status, headers, body, delay, dribble, value, sse);
    }

    /**
     * The backend that can play this attempt: its fault's, else the raw socket for a stream, else
     * its dribble mode's, else WireMock.
     */
    public Backend backend() {
        if (fault != null) {
            return fault.backend();
        }
        if (sse != null) {
            return Backend.RAW_SOCKET;
        }
        return dribble != null ? dribble.mode().backend() : Backend.WIREMOCK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttemptScript a
                && status == a.status
                && headers.equals(a.headers)
                && Arrays.equals(body, a.body)
                && delay.equals(a.delay)
                && Objects.equals(dribble, a.dribble)
                && fault == a.fault
                && Objects.equals(sse, a.sse);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body), delay, dribble, fault, sse);
    }

    /** Shows the body's size, not its bytes (bodies can be 8 MiB). */
    @Override
    public String toString() {
        return "AttemptScript[status="
                + status
                + ", headers="
                + headers
                + ", body="
                + body.length
                + " bytes, delay="
                + delay.toMillis()
                + " ms, dribble="
                + dribble
                + ", fault="
                + fault
                + (sse == null ? "" : ", sse=" + sse)
                + "]";
    }
}
