package dev.dualpath.conformance.fake;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The fake chat-completions provider: an in-process WireMock server on 127.0.0.1 (dynamic port,
 * HTTP/1.1 only, gzip off), plus a {@link RawSocketServer} or a refused port for scripts WireMock
 * cannot play. {@code GET /v1/tcp_warming} is always answered 200 and never counted.
 *
 * <pre>{@code
 * try (FakeProvider fake = FakeProvider.start(FakeProvider.Options.test())) {
 *     URI base = fake.apply(ServerScript.sequence(
 *             AttemptScript.json(429, rateLimitBody).withDelay(Duration.ZERO),
 *             AttemptScript.json(200, CannedBodies.success())));
 *     ... point a client at base + "/v1/chat/completions" ...
 *     fake.chatRequestCount();   // 2
 * }
 * }</pre>
 *
 * <p>Not thread-safe for configuration: call {@code apply}/{@code stubSuccess}/{@code reset} from
 * one thread while no call is in flight. Serving requests is, of course, concurrent.
 */
public final class FakeProvider implements AutoCloseable {

    /**
     * How to tune WireMock.
     *
     * @param requestJournal keep WireMock's request journal (handy when debugging a test; costs
     *     35–40 % of throughput at saturation and ~2.9 KB per call,
     *     docs/calibration.md#wiremock-concurrency-and-the-request-journal)
     * @param containerThreads Jetty threads; ≥ 10 (WireMock's default pool serves ~20 requests at
     *     once)
     * @param asyncResponseThreads threads that send delayed responses, so a delay does not hold a
     *     Jetty thread; 0 keeps WireMock's synchronous sleep
     */
    public record Options(boolean requestJournal, int containerThreads, int asyncResponseThreads) {

        /**
         * @throws IllegalArgumentException naming the field, on a value out of range
         */
        public Options {
            if (containerThreads < 10) {
                throw new IllegalArgumentException(
                        "containerThreads must be >= 10, was " + containerThreads);
            }
            if (asyncResponseThreads < 0) {
                throw new IllegalArgumentException(
                        "asyncResponseThreads must be >= 0, was " + asyncResponseThreads);
            }
        }

        /** For tests: journal on, 50 Jetty threads, synchronous delays. */
        public static Options test() {
            return new Options(true, 50, 0);
        }

        /**
         * For benchmarks: journal off, 200 Jetty threads, 4 async response threads, which lifted 32
         * callers from 64 % to 97–100 % of ideal throughput
         * (docs/calibration.md#wiremock-concurrency-and-the-request-journal).
         */
        public static Options benchmark() {
            return new Options(false, 200, 4);
        }
    }

    /**
     * Connections the kernel queues for the fake's acceptor, on WireMock and on the raw-socket
     * server. With Java's default of 50, a burst of parallel connects (100 calls started at once,
     * the async clients opening all their connections from one I/O thread) overflowed the queue on
     * a busy machine: Linux drops a SYN it cannot queue, the client resends it only after its 1 s
     * retransmission timeout, and the calls failed with "timed out connecting" though the fake was
     * merely slow to accept. Linux caps the value at {@code net.core.somaxconn} (4096 by default).
     */
    static final int ACCEPT_QUEUE = 1024;

    private final WireMockServer server;
    private final ChatRequestCounter counter = new ChatRequestCounter();
    private final ServiceTimer timer = new ServiceTimer();
    private final ConnectionCounter connections = new ConnectionCounter();
    private final InFlightGauge inFlight = new InFlightGauge();
    // volatile: tests and runners poll the counters from other threads (e.g. awaitility)
    private volatile RawSocketServer raw;
    private volatile URI currentBaseUrl;
    private int generation;

    private FakeProvider(Options options) {
        WireMockConfiguration config =
                wireMockConfig()
                        .bindAddress("127.0.0.1")
                        .dynamicPort()
                        .http2PlainDisabled(true)
                        .http2TlsDisabled(true)
                        .gzipDisabled(true)
                        .containerThreads(options.containerThreads())
                        .jettyAcceptQueueSize(ACCEPT_QUEUE)
                        .notifier(new Slf4jNotifier(false))
                        .httpServerFactory(
                                new TimedJettyServerFactory(timer, inFlight, connections))
                        .extensions(counter, timer, connections);
        if (!options.requestJournal()) {
            config.disableRequestJournal();
        }
        if (options.asyncResponseThreads() > 0) {
            config.asynchronousResponseEnabled(true)
                    .asynchronousResponseThreads(options.asyncResponseThreads());
        }
        this.server = new WireMockServer(config);
    }

    /**
     * Starts WireMock on 127.0.0.1 on a free port, with only the {@code tcp_warming} stub.
     *
     * @throws com.github.tomakehurst.wiremock.common.FatalStartupException if it cannot start
     */
    public static FakeProvider start(Options options) {
        FakeProvider fake = new FakeProvider(Objects.requireNonNull(options, "options"));
        try {
            fake.server.start();
            fake.reset();
            return fake;
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    /**
     * Where a client should send requests for the script applied last: WireMock's {@code
     * http://127.0.0.1:PORT} by default and after {@link #reset()}, the raw server's or a refused
     * port's after a script that needs them. No trailing slash.
     */
    public URI baseUrl() {
        return currentBaseUrl;
    }

    /** WireMock's own base URL, whatever script is applied. */
    public URI wireMockBaseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * Replaces any script with: every chat request gets 200 {@code body} (JSON) after {@code
     * latency}.
     */
    public URI stubSuccess(String body, Latency latency) {
        reset();
        WireMockStubs.stubSuccess(
                server,
                Objects.requireNonNull(body, "body"),
                Objects.requireNonNull(latency, "latency"));
        return currentBaseUrl;
    }

    /**
     * Replaces any previous script (and resets the counters) with {@code script}, played by the
     * backend it needs.
     *
     * @return the base URL the client must use for this script (also {@link #baseUrl()})
     */
    public URI apply(ServerScript script) {
        Objects.requireNonNull(script, "script");
        reset();
        switch (script.backend()) {
            case WIREMOCK -> WireMockStubs.stubScript(server, script, "script-" + generation, null);
            case RAW_SOCKET -> {
                raw = RawSocketServer.start(script);
                currentBaseUrl = raw.baseUrl();
            }
            case REFUSED -> currentBaseUrl = RawSocketServer.refusedBaseUrl();
            default -> throw new IllegalStateException("unknown backend " + script.backend());
        }
        return currentBaseUrl;
    }

    /**
     * Plays several scripts at once on WireMock, chosen per request by its {@code X-Request-Id}
     * header: a request whose id starts with a key gets that key's script (e.g. key {@code
     * "minimal#"} for ids {@code minimal#0}, {@code minimal#7}). For mixed concurrent calls.
     * Multi-attempt scripts advance one shared state per key, so concurrent calls on one key should
     * use single-attempt scripts.
     *
     * @throws IllegalArgumentException if a script needs another backend than WireMock
     */
    public URI applyRouted(Map<String, ServerScript> scriptsByRequestIdPrefix) {
        reset();
        int route = 0;
        for (Map.Entry<String, ServerScript> e : scriptsByRequestIdPrefix.entrySet()) {
            if (e.getValue().backend() != Backend.WIREMOCK) {
                throw new IllegalArgumentException(
                        "route '"
                                + e.getKey()
                                + "' needs backend "
                                + e.getValue().backend()
                                + "; routed scripts must be played by WireMock");
            }
            WireMockStubs.stubScript(
                    server, e.getValue(), "script-" + generation + "-route-" + route++, e.getKey());
        }
        return currentBaseUrl;
    }

    /**
     * Removes every script and stub but {@code tcp_warming}, zeroes the counters, stops the raw
     * server.
     */
    public void reset() {
        generation++;
        server.resetAll();
        WireMockStubs.stubWarming(server);
        counter.reset();
        inFlight.reset();
        if (raw != null) {
            raw.close();
            raw = null;
        }
        currentBaseUrl = wireMockBaseUrl();
    }

    /**
     * Chat requests ({@code POST /v1/chat/completions}) the server received since the last {@code
     * apply}/{@code reset}, counted on arrival (before any delay or fault); {@code tcp_warming}
     * excluded. Works in both modes. A refused port receives none.
     */
    public int chatRequestCount() {
        RawSocketServer r = raw;
        return counter.get() + (r == null ? 0 : r.chatRequestCount());
    }

    /**
     * The most chat requests WireMock was working on at once among those that arrived since the
     * last {@code apply}/{@code reset}: from a request's headers being read to its response's
     * status line being written (after any delay). A client that keeps at most n calls in flight
     * never shows more than n here; requests left over from before the reset never count. A request
     * that a fault answers (a reset, an empty or malformed response) leaves the count only when
     * Jetty completes it, possibly after the client saw the failure, so bound the peak only over
     * scripts without faults. The raw socket server is not counted.
     */
    public int chatInFlightPeak() {
        return inFlight.peak();
    }

    /**
     * Chat requests WireMock is working on right now that arrived since the last reset (see {@link
     * #chatInFlightPeak()}).
     */
    public int chatInFlight() {
        return inFlight.inFlight();
    }

    /**
     * The stub's own service time for chat requests served by WireMock since {@link #start}, the
     * injected delay excluded (what is in it: {@link ServiceTime}). Cumulative: {@code reset} and
     * {@code apply} do not zero it, so subtract an earlier snapshot ({@link ServiceTime#minus}) to
     * get a window. Always on, journal or not: four clock reads, one request attribute and three
     * {@code LongAdder} adds per request, next to the tens of µs the request takes. The raw socket
     * server is not timed.
     */
    public ServiceTime serviceTime() {
        return timer.snapshot();
    }

    /**
     * TCP connections WireMock accepted since {@link #start}, whatever they carried (admin queries
     * included). Cumulative: {@code reset} and {@code apply} do not zero it, so take differences.
     * The raw socket server's connections are not counted.
     */
    public long acceptedConnectionCount() {
        return connections.accepted();
    }

    /**
     * Where a client in another process reads {@link #acceptedConnectionCount()}: {@code GET} it
     * for {@code {"accepted": N}}. A query over a new connection counts itself before it is
     * answered.
     */
    public URI connectionCountUrl() {
        return URI.create(wireMockBaseUrl() + "/__admin" + ConnectionCounter.ADMIN_PATH);
    }

    /**
     * Raw socket only: connections the server closed after a {@link Fault#CLOSE_KEEPALIVE}
     * response; else 0.
     */
    public int serverClosedConnectionCount() {
        RawSocketServer r = raw;
        return r == null ? 0 : r.serverClosedConnectionCount();
    }

    /**
     * Raw socket only: connections the client closed while the server was delaying its headers or
     * stalling its body, i.e. proof that a cancellation reached the socket; else 0.
     */
    public int clientAbortCount() {
        RawSocketServer r = raw;
        return r == null ? 0 : r.clientAbortCount();
    }

    /** Raw socket only: responses that are stalled mid-body right now or were; else 0. */
    public int stalledBodyCount() {
        RawSocketServer r = raw;
        return r == null ? 0 : r.stalledBodyCount();
    }

    /** Stops WireMock and the raw server. Idempotent. */
    @Override
    public void close() {
        if (raw != null) {
            raw.close();
            raw = null;
        }
        if (server.isRunning()) {
            server.stop();
        }
    }
}
