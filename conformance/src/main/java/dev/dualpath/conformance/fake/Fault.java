package dev.dualpath.conformance.fake;

/**
 * A way for one attempt to go wrong below HTTP. Each constant knows which {@link Backend} can
 * produce it: WireMock's four faults are WireMock's; the others need the {@link RawSocketServer} or
 * a dead port.
 */
public enum Fault {
    /** WireMock: the socket is closed with SO_LINGER 0, so the client sees a TCP reset. */
    CONNECTION_RESET_BY_PEER(Backend.WIREMOCK),
    /** WireMock: the socket is closed without a byte written. */
    EMPTY_RESPONSE(Backend.WIREMOCK),
    /** WireMock: a 200 with chunked encoding whose chunk is garbage, then close. */
    MALFORMED_RESPONSE_CHUNK(Backend.WIREMOCK),
    /** WireMock: random bytes instead of a status line, then close. */
    RANDOM_DATA_THEN_CLOSE(Backend.WIREMOCK),
    /**
     * Raw: headers announce a {@code Content-Length} 100 bytes larger than the body sent, then
     * close.
     */
    CONTENT_LENGTH_MISMATCH(Backend.RAW_SOCKET),
    /**
     * Raw: headers and the first half of the body, then silence until the client closes the socket
     * (counted as a client abort) or 30 s pass.
     */
    STALL_MID_BODY(Backend.RAW_SOCKET),
    /**
     * Raw: the whole response with {@code Connection: keep-alive}, then the server closes that
     * connection, leaving a stale connection in the client's pool.
     */
    CLOSE_KEEPALIVE(Backend.RAW_SOCKET),
    /**
     * Nothing listens on the port: connections are refused. Must be the only fault of its script.
     */
    REFUSED(Backend.REFUSED);

    private final Backend backend;

    Fault(Backend backend) {
        this.backend = backend;
    }

    /** The server that can produce this fault. */
    public Backend backend() {
        return backend;
    }
}
