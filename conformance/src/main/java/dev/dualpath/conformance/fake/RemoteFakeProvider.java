package dev.dualpath.conformance.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.HttpAdminClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A {@link SuccessStub} in another JVM ({@link StubServer}), driven over HTTP: stubs through
 * WireMock's admin API, usage read from the stub's side ({@code GET /__admin/dualpath/usage}). Its
 * threads, allocations and GC stay in the stub's process, so a benchmark of a client that uses it
 * counts the client alone.
 *
 * <p>Configuration is not thread-safe (one thread, no call in flight); reading {@link #usage()} is.
 */
public final class RemoteFakeProvider implements SuccessStub {

    /** Bounds every admin call: the stub answers them in milliseconds. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HttpAdminClient admin;
    private final AutoCloseable owned;

    /** The last reading, taken when an owned stub is stopped; null while it runs. */
    private volatile StubUsage lastUsage;

    private RemoteFakeProvider(URI baseUrl, AutoCloseable owned) {
        this.baseUrl = baseUrl;
        this.admin = new HttpAdminClient(baseUrl.getHost(), baseUrl.getPort());
        this.owned = owned;
    }

    /**
     * A client of the stub at {@code baseUrl}, which someone else started and will stop; {@link
     * #close()} leaves it running.
     *
     * @param baseUrl e.g. {@code http://127.0.0.1:PORT}
     * @throws IllegalStateException if no stub answers there
     * @throws IllegalArgumentException if {@code baseUrl} has no host or port
     */
    public static RemoteFakeProvider connect(URI baseUrl) {
        return checked(new RemoteFakeProvider(requireHostAndPort(baseUrl), null));
    }

    /**
     * A client of {@code process}, which {@link #close()} stops.
     *
     * @throws IllegalStateException if the stub does not answer
     */
    public static RemoteFakeProvider owning(StubProcess process) {
        return checked(new RemoteFakeProvider(process.baseUrl(), process));
    }

    private static RemoteFakeProvider checked(RemoteFakeProvider remote) {
        try {
            remote.usage();
            return remote;
        } catch (RuntimeException e) {
            remote.close();
            throw e;
        }
    }

    /** The stub's base URL, no trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Resets every stub in the server (counters are cumulative and stay), then stubs the warm-up
     * path and every chat request.
     */
    @Override
    public URI stubSuccess(String body, Latency latency) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(latency, "latency");
        try {
            admin.resetAll();
            WireMockStubs.stubWarming(admin);
            WireMockStubs.stubSuccess(admin, body, latency);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot configure the stub at " + baseUrl, e);
        }
        return baseUrl;
    }

    /**
     * {@inheritDoc}
     *
     * <p>After {@link #close()} stopped an owned stub, its last reading, as a closed {@link
     * FakeProvider} still answers: a benchmark's profiler reads the last iteration after the trial
     * has closed the stub.
     */
    @Override
    public StubUsage usage() {
        StubUsage last = lastUsage;
        if (last != null) {
            return last;
        }
        URI uri = URI.create(baseUrl + "/__admin" + UsageAdminRoute.PATH);
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout((int) ADMIN_TIMEOUT.toMillis());
            c.setReadTimeout((int) ADMIN_TIMEOUT.toMillis());
            try (InputStream in = c.getInputStream()) {
                JsonNode json = JSON.readTree(in);
                return new StubUsage(
                        new ServiceTime(
                                field(json, UsageAdminRoute.REQUESTS, uri),
                                field(json, UsageAdminRoute.TOTAL_NANOS, uri),
                                field(json, UsageAdminRoute.RESIDENCE_NANOS, uri)),
                        OptionalLong.of(field(json, UsageAdminRoute.PROCESS_CPU_NANOS, uri)));
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the stub's usage at " + uri, e);
        }
    }

    private static long field(JsonNode json, String name, URI from) {
        JsonNode v = json == null ? null : json.get(name);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalStateException(from + " answered without a number in '" + name + "'");
        }
        return v.asLong();
    }

    /** Stops the stub if this client started it; otherwise leaves it running. Idempotent. */
    @Override
    public void close() {
        if (owned != null && lastUsage == null) {
            try {
                lastUsage = usage();
            } catch (RuntimeException e) {
                lastUsage = StubUsage.NONE; // unreadable already: nothing more to report
            }
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping the stub failed", e);
            }
        }
    }

    private static URI requireHostAndPort(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (baseUrl.getHost() == null || baseUrl.getPort() < 0) {
            throw new IllegalArgumentException(
                    "a stub URL needs a host and a port, was " + baseUrl);
        }
        return baseUrl;
    }

    @Override
    public String toString() {
        return "RemoteFakeProvider[" + baseUrl + "]";
    }
}
