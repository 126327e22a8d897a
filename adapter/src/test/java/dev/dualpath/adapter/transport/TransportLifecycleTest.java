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

    /** Headers and 11 of 100 body bytes; the server then stalls. */
    private static final String STALLED_BODY =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                    + "{\"partial\":";

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
     * After both deliveries ran (so every lazy thread exists), close() leaves no thread behind,
     * without help from the garbage collector: the JDK client's selector thread is ended by close()
     * itself ({@link JdkClientShutdown}).
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

            assertNoThreadSince(before);
        }
    }

    /**
     * Interrupting a caller blocked on a stalled body, then closing, leaves no thread. On JDK 17
     * the interrupt now and then leaves the client's exchange pending for good (so its selector
     * thread would never end by itself); repeated so that the race is met.
     */
    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void interruptDuringStalledBody_thenClose_leavesNoThread(TransportKind kind) throws Exception {
        for (int i = 0; i < 10; i++) {
            try (RawHttpServer server = new RawHttpServer(STALLED_BODY, RawHttpServer.Then.STALL)) {
                Set<Long> before = threadIds();
                Transport transport = kind.create(Requests.GENEROUS);
                Thread caller =
                        new Thread(
                                () -> {
                                    try {
                                        transport.execute(Requests.post(server.port()));
                                    } catch (RuntimeException expected) {
                                        // the interrupt ends the call: CANCELLED
                                    }
                                },
                                "junit-caller");
                caller.start();
                assertThat(server.responded().await(10, TimeUnit.SECONDS)).isTrue();
                caller.interrupt();
                caller.join(TimeUnit.SECONDS.toMillis(10));
                assertThat(caller.isAlive()).as("caller still blocked").isFalse();

                transport.close();

                assertNoThreadSince(before);
            }
        }
    }

    /** Closing while a call waits for its body fails that call and still leaves no thread. */
    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void closeDuringStalledBody_failsTheCall_andLeavesNoThread(TransportKind kind)
            throws Exception {
        try (RawHttpServer server = new RawHttpServer(STALLED_BODY, RawHttpServer.Then.STALL)) {
            Set<Long> before = threadIds();
            Transport transport = kind.create(Requests.GENEROUS);
            var pending = transport.executeAsync(Requests.post(server.port()));
            assertThat(server.responded().await(10, TimeUnit.SECONDS)).isTrue();

            transport.close();

            assertThat(pending)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class);
            assertNoThreadSince(before);
        }
    }

    private static Set<Long> threadIds() {
        return liveThreads().stream().map(Thread::getId).collect(Collectors.toSet());
    }

    /**
     * Threads end shortly after close() returns (an executor's worker finishes its last task);
     * awaited with a bound no healthy close comes near, never helped by the collector.
     */
    private static void assertNoThreadSince(Set<Long> before) {
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(startedSince(before)).isEmpty());
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
