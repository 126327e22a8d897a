package dev.dualpath.conformance.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.AdapterConfig;
import dev.dualpath.adapter.CerebrasAdapter;
import dev.dualpath.adapter.compat.SyncStrategy;
import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.Latency;
import dev.dualpath.conformance.runner.LeakCheck;
import dev.dualpath.conformance.runner.LiveThreads;
import dev.dualpath.conformance.runner.OpenConnections;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SyncStrategy#CLIENT_PER_CALL} on the real transports against the fake provider: every call
 * opens its own client and its own TCP connection, and 2,000 calls leave no thread and no
 * connection behind once their clients are closed.
 *
 * <p>Why 2,000 and not the 10,000 per strategy of {@link InterruptAndLeakTest} (which covers this
 * strategy too, failures and interrupts included): here every call builds a real client and a TCP
 * connection, about 5 ms of CPU each on two cores. A leak of one thread or connection per client
 * leaves 2,000 behind, and 2,000 sockets are past the common 1,024 file-descriptor limit, so a leak
 * that only shows once descriptors run out still shows; 10,000 would add a minute and a half to
 * every build and find nothing more.
 *
 * <p>On JDK 17 an {@code HttpClient} has no close: a per-call JDK transport's {@code close()} ends
 * its executor, its watchdog and the client's selector thread itself (which then closes the
 * client's connection), so nothing waits for a garbage collection. The check still waits (bounded)
 * for the threads and connections to end, and the test prints the peak of live threads seen during
 * the calls: a selector thread left per client would make it grow with the number of calls.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClientPerCallLeakTest {

    private static final int CALLS = 2_000;

    private FakeProvider fake;

    @BeforeEach
    void startFake() {
        fake = FakeProvider.start(FakeProvider.Options.benchmark());
        fake.stubSuccess(CannedBodies.success(), Latency.NONE);
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void twoThousandCalls_eachOnItsOwnConnection_leaveNoThreadOrConnectionBehind(
            TransportKind kind) {
        AdapterConfig config =
                AdapterConfig.of(fake.baseUrl(), new ApiKey("sk-leak-test"))
                        .withRetries(RetryPolicy.none());
        LiveThreads before;
        long acceptedBefore;
        int peakThreads = 0;
        try (CerebrasAdapter adapter =
                CerebrasAdapter.create(config, kind.factory(TransportConfig.DEFAULTS))) {
            call(adapter); // warm: lazily started JVM-wide threads join the baseline
            assertThat(
                            LeakCheck.await(
                                    () -> OpenConnections.toPort(port()).orElse(0) == 0,
                                    Duration.ofSeconds(30)))
                    .as("the warm-up call's connection closed")
                    .isTrue();
            before = LiveThreads.snapshot();
            acceptedBefore = fake.acceptedConnectionCount();

            for (int i = 0; i < CALLS; i++) {
                assertThat(call(adapter).content()).isEqualTo(CannedBodies.DEFAULT_CONTENT);
                if (i % 100 == 0) {
                    peakThreads = Math.max(peakThreads, Thread.activeCount());
                }
            }
        }

        assertThat(fake.acceptedConnectionCount() - acceptedBefore)
                .as("one new TCP connection per call")
                .isEqualTo(CALLS);
        boolean clean =
                LeakCheck.await(
                        () ->
                                LiveThreads.newSince(before, LiveThreads.NOT_THE_CLIENTS).isEmpty()
                                        && OpenConnections.toPort(port()).orElse(0) == 0,
                        Duration.ofSeconds(60));
        System.out.printf(
                "[leak] CLIENT_PER_CALL on %s: %,d calls, peak live threads %d%n",
                kind, CALLS, peakThreads);
        assertThat(clean)
                .as(
                        "threads left: %s; open connections: %s",
                        LiveThreads.newSince(before, LiveThreads.NOT_THE_CLIENTS),
                        OpenConnections.toPort(port()))
                .isTrue();
    }

    private static UnifiedChatResponse call(CerebrasAdapter adapter) {
        return SyncStrategy.CLIENT_PER_CALL.execute(
                adapter,
                ChatRequest.builder("llama3.1-8b")
                        .message(ChatMessage.user("Hi"))
                        .requestId("leak")
                        .build());
    }

    private int port() {
        return fake.baseUrl().getPort();
    }
}
