package dev.dualpath.conformance.fake;

import java.io.IOException;
import java.time.Duration;

/**
 * A slow body: the response body is sent in {@code chunks} pieces spread evenly over {@code total},
 * piece {@code i} (1-based) leaving {@code i × total / chunks} after the first byte of the
 * response. How the headers travel is the {@link Mode}. Needs gzip off on WireMock (the fake
 * provider always disables it: WireMock buffers a compressed body and sends it at once,
 * docs/calibration.md#gzip).
 *
 * @param chunks number of pieces, ≥ 1
 * @param total time from the start of the response to the last piece, ≥ 0, millisecond resolution
 * @param mode when the status line and headers leave; never null
 */
public record Dribble(int chunks, Duration total, Mode mode) {

    /**
     * When the status line and headers leave, relative to the body's pieces. Each mode plays itself
     * on a {@link Fault.Stage}, so a new mode is a compile error until every backend says how it
     * plays it (or that it cannot).
     */
    public enum Mode {
        /**
         * Raw socket: the status line and headers at once, then the pieces, the first one {@code
         * total / chunks} later. Only the body is slow, so a read timeout shorter than the gap is a
         * body timeout: this is the mode that tests the body phase.
         */
        HEADERS_FIRST(Backend.RAW_SOCKET) {
            @Override
            public <R> R playOn(Fault.Stage<R> stage, Dribble dribble) throws IOException {
                return stage.dribbleHeadersFirst(dribble);
            }
        },
        /**
         * WireMock's {@code withChunkedDribbleDelay}: the status line and headers leave together
         * with the first piece, {@code total / chunks} after the request, so a read timeout shorter
         * than the gap fires while the client still waits for the headers.
         */
        WITH_FIRST_PIECE(Backend.WIREMOCK) {
            @Override
            public <R> R playOn(Fault.Stage<R> stage, Dribble dribble) throws IOException {
                return stage.dribbleWithFirstPiece(dribble);
            }
        };

        private final Backend backend;

        Mode(Backend backend) {
            this.backend = backend;
        }

        /**
         * The server that plays this mode (the raw socket can also play {@code WITH_FIRST_PIECE}).
         */
        public Backend backend() {
            return backend;
        }

        /**
         * Plays {@code dribble} in this mode on {@code stage}.
         *
         * @throws IOException if the stage fails writing to its socket
         * @throws IllegalStateException if the stage cannot play this mode
         */
        public abstract <R> R playOn(Fault.Stage<R> stage, Dribble dribble) throws IOException;
    }

    /**
     * @throws InvalidFieldException naming {@code chunks}, {@code totalMs} or {@code mode}
     */
    public Dribble {
        if (chunks < 1) {
            throw new InvalidFieldException("chunks", "must be >= 1, was " + chunks);
        }
        if (total == null || total.isNegative()) {
            throw new InvalidFieldException("totalMs", "must be >= 0, was " + total);
        }
        if (mode == null) {
            throw new InvalidFieldException(
                    "mode", "must be one of HEADERS_FIRST, WITH_FIRST_PIECE");
        }
    }

    /** Headers first ({@link Mode#HEADERS_FIRST}), the default. */
    public Dribble(int chunks, Duration total) {
        this(chunks, total, Mode.HEADERS_FIRST);
    }

    /** The gap before each piece: {@code total / chunks}. */
    public Duration gap() {
        return total.dividedBy(chunks);
    }

    /** The bytes of piece {@code i} (0-based) of {@code body}, as even as possible: [from, to). */
    int[] piece(int i, int bodyLength) {
        int from = (int) ((long) bodyLength * i / chunks);
        int to = (int) ((long) bodyLength * (i + 1) / chunks);
        return new int[] {from, to};
    }
}
