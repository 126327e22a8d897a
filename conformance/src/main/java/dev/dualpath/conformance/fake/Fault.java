package dev.dualpath.conformance.fake;

import java.io.IOException;

/**
 * A way for one attempt to go wrong below HTTP. Each constant plays itself on a {@link Stage}, the
 * backend serving the attempt, as WireMock's own faults apply themselves: a new kind of fault is a
 * compile error here until it says how it is played, and a new {@link Stage} method a compile error
 * in every backend until each one handles it. Which backend can play a fault is {@link #backend()};
 * scripts are checked against it when they are built ({@link ServerScript}).
 */
public enum Fault {
    /** WireMock: the socket is closed with SO_LINGER 0, so the client sees a TCP reset. */
    CONNECTION_RESET_BY_PEER(Backend.WIREMOCK) {
        @Override
        public <R> R playOn(Stage<R> stage) throws IOException {
            return stage.wireMock(
                    com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
        }
    },
    /** WireMock: the socket is closed without a byte written. */
    EMPTY_RESPONSE(Backend.WIREMOCK) {
        @Override
        public <R> R playOn(Stage<R> stage) throws IOException {
            return stage.wireMock(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
        }
    },
    /** WireMock: a 200 with chunked encoding whose chunk is garbage, then close. */
    MALFORMED_RESPONSE_CHUNK(Backend.WIREMOCK) {
        @Override
        public <R> R playOn(Stage<R> stage) throws IOException {
            return stage.wireMock(
                    com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK);
        }
    },
    /** WireMock: random bytes instead of a status line, then close. */
    RANDOM_DATA_THEN_CLOSE(Backend.WIREMOCK) {
        @Override
        public <R> R playOn(Stage<R> stage) throws IOException {
            return stage.wireMock(
                    com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE);
        }
    },
    /**
     * Raw: headers announce a {@code Content-Length} 100 bytes larger than the body sent, then
     * close.
     */
    CONTENT_LENGTH_MISMATCH(Backend.RAW_SOCKET) {
        @Override
        public <R> R playOn(Stage<R> stage) throws IOException {
            return stage.contentLengthMismatch();
        }
    },
    /**
     * Raw: headers and the first half of the body (of a streamed body: all its events), then
     * silence until the client closes the socket (counted as a client abort) or 30 s pass.
     */
    STALL_MID_BODY(Backend.RAW_SOCKET) {
        @Override
        public <R> R playOn(Stage<R> stage) throws IOException {
            return stage.stallMidBody();
        }
    },
    /**
     * Raw: headers and the first half of the body (of a streamed body: all its events), then, 200
     * ms later (a reset discards what the client has not read yet), a TCP reset (the socket closed
     * with SO_LINGER 0): the connection breaks mid-body.
     */
    RESET_MID_BODY(Backend.RAW_SOCKET) {
        @Override
        public <R> R playOn(Stage<R> stage) throws IOException {
            return stage.resetMidBody();
        }
    },
    /**
     * Raw: the whole response with {@code Connection: keep-alive}, then the server closes that
     * connection, leaving a stale connection in the client's pool.
     */
    CLOSE_KEEPALIVE(Backend.RAW_SOCKET) {
        @Override
        public <R> R playOn(Stage<R> stage) throws IOException {
            return stage.closeKeepAlive();
        }
    },
    /**
     * Nothing listens on the port: connections are refused. Must be the only fault of its script.
     */
    REFUSED(Backend.REFUSED) {
        @Override
        public <R> R playOn(Stage<R> stage) throws IOException {
            return stage.refused();
        }
    };

    private final Backend backend;

    Fault(Backend backend) {
        this.backend = backend;
    }

    /** The server that can produce this fault. */
    public Backend backend() {
        return backend;
    }

    /**
     * Plays this fault on {@code stage}.
     *
     * @param <R> what the stage makes of it (a stub, how a connection ended, …)
     * @return the stage's result
     * @throws IOException if the stage fails writing to its socket
     * @throws IllegalStateException if the stage cannot play this fault (its backend is another)
     */
    public abstract <R> R playOn(Stage<R> stage) throws IOException;

    /**
     * A backend as seen by the faults and the {@linkplain Dribble.Mode dribble modes}: one method
     * per kind. A backend that cannot produce a kind throws {@link IllegalStateException} naming
     * it; scripts are validated against {@link Fault#backend()} and {@link Dribble.Mode#backend()}
     * before they reach a backend, so that is a bug, never a scenario's outcome.
     *
     * @param <R> what playing a fault yields on this backend
     */
    public interface Stage<R> {
        /** One of WireMock's own faults. */
        R wireMock(com.github.tomakehurst.wiremock.http.Fault fault) throws IOException;

        /** {@link Fault#CONTENT_LENGTH_MISMATCH}. */
        R contentLengthMismatch() throws IOException;

        /** {@link Fault#STALL_MID_BODY}. */
        R stallMidBody() throws IOException;

        /** {@link Fault#RESET_MID_BODY}. */
        R resetMidBody() throws IOException;

        /** {@link Fault#CLOSE_KEEPALIVE}. */
        R closeKeepAlive() throws IOException;

        /** {@link Fault#REFUSED}. */
        R refused() throws IOException;

        /** The body dribbled in {@link Dribble.Mode#HEADERS_FIRST}. */
        R dribbleHeadersFirst(Dribble dribble) throws IOException;

        /** The body dribbled in {@link Dribble.Mode#WITH_FIRST_PIECE}. */
        R dribbleWithFirstPiece(Dribble dribble) throws IOException;

        /** The exception for a fault this stage cannot play. */
        static IllegalStateException cannotPlay(String fault, String stage) {
            return new IllegalStateException(fault + " cannot be played by " + stage);
        }
    }
}
