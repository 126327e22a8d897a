package dev.dualpath.adapter.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Names, and what close() releases: threads, and the right to make further calls. */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class TransportLifecycleTest {

    private static final String OK =
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";

    /** Threads of the test harness itself, which may come and go during the test. */
    private static final List<String> HARNESS_THREADS =
            List.of(RawHttpServer.THREAD_PREFIX, "junit", "awaitility");

    @Test
    void names_areStable() {
        try (Transport jdk = TransportKind.JDK.create(Requests.GENEROUS);
                Transport apache = TransportKind.APACHE.create(Requests.GENEROUS);
                Transport memory =
                        InMemoryTransport.fixed(new WireResponse(200, null, null, null))) {
            assertThat(List.of(jdk.name(), apache.name(), memory.name()))
                    .containsExactly("jdk", "apache", "in-memory");
        }
    }

    /**
     * After both deliveries ran (so every lazy thread exists), close() leaves no thread behind. The
     * JDK 17 client cannot be closed: its selector thread ends once the client is unreachable, so
     * the wait nudges the collector.
     */
    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void close_endsEveryThreadTheTransportStarted(TransportKind kind) throws Exception {
        try (RawHttpServer server = new RawHttpServer(OK, RawHttpServer.Then.CLOSE)) {
            Set<Long> before =
                    liveThreads().stream().map(Thread::getId).collect(Collectors.toSet());
            Transport transport = kind.create(Requests.GENEROUS);
            assertThat(transport.execute(Requests.post(server.port())).status()).isEqualTo(200);
            assertThat(
                            transport
                                    .executeAsync(Requests.post(server.port()))
                                    .get(10, TimeUnit.SECONDS)
                                    .status())
                    .isEqualTo(200);
            assertThat(startedSince(before)).as("threads started by the calls").isNotEmpty();

            transport.close();

            await().pollInSameThread()
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(
                            () -> {
                                System.gc();
                                assertThat(startedSince(before)).isEmpty();
                            });
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void callsAfterClose_areRefused_andCloseIsIdempotent(TransportKind kind) {
        Transport transport = kind.create(Requests.GENEROUS);
        transport.close();
        transport.close();

        WireRequest request = Requests.get(1, "/");
        assertThatThrownBy(() -> transport.execute(request))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transport.executeAsync(request))
                .isInstanceOf(IllegalStateException.class);
    }

    private static List<String> startedSince(Set<Long> before) {
        return liveThreads().stream()
                .filter(t -> !before.contains(t.getId()))
                .map(Thread::getName)
                .filter(name -> HARNESS_THREADS.stream().noneMatch(name::startsWith))
                .collect(Collectors.toList());
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }
}
