package dev.dualpath.conformance.fake;

/** Which server plays a {@link ServerScript}; derived from the script's faults unless forced. */
public enum Backend {
    /**
     * In-process WireMock: statuses, headers, bodies, delays, a dribble with the headers in the
     * first piece, and WireMock's own faults.
     */
    WIREMOCK,
    /**
     * {@link RawSocketServer}: plain responses and delays, plus what WireMock cannot produce (a
     * headers-first dribble, the raw-socket faults); it also sees when the client closes a socket
     * while the server is delaying or stalling.
     */
    RAW_SOCKET,
    /** A port that was bound and closed: every connection attempt is refused. */
    REFUSED
}
