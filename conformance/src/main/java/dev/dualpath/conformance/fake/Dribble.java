package dev.dualpath.conformance.fake;

import java.time.Duration;

/**
 * A slow body: the response body is sent in {@code chunks} pieces spread evenly over {@code total}
 * (WireMock's {@code withChunkedDribbleDelay}); the headers go out first. Needs gzip off on the
 * server, which the fake provider always disables: WireMock buffers a compressed body and sends it
 * at once, so it would not dribble (docs/calibration.md#gzip).
 *
 * @param chunks number of pieces, ≥ 1
 * @param total time from the first piece to the last, ≥ 0, millisecond resolution
 */
public record Dribble(int chunks, Duration total) {

    /**
     * @throws InvalidFieldException naming {@code chunks} or {@code totalMs}
     */
    public Dribble {
        if (chunks < 1) {
            throw new InvalidFieldException("chunks", "must be >= 1, was " + chunks);
        }
        if (total == null || total.isNegative()) {
            throw new InvalidFieldException("totalMs", "must be >= 0, was " + total);
        }
    }
}
