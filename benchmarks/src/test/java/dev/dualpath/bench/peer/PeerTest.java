package dev.dualpath.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.Latency;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every peer, against a real fake provider on 127.0.0.1: what PeerBenchmark's setup relies on. */
@Timeout(60)
class PeerTest {

    private static FakeProvider provider;

    @BeforeAll
    static void startProvider() {
        provider = FakeProvider.start(FakeProvider.Options.test());
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void stub() {
        provider.stubSuccess(CannedBodies.success(), new Latency.Fixed(Duration.ZERO));
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void eachPeerReturnsTheCannedContentFromTheStub(Peer peer) {
        try (PeerClient<?> client = peer.open(provider.baseUrl())) {
            assertThat(client.content()).isEqualTo(CannedBodies.DEFAULT_CONTENT);
        }
        assertThat(provider.chatRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void eachCallIsOneRequest_noRetryHidesAFailure(Peer peer) {
        provider.stubSuccess(
                CannedBodies.success("another answer"), new Latency.Fixed(Duration.ZERO));
        try (PeerClient<?> client = peer.open(provider.baseUrl())) {
            assertThat(client.call()).isNotNull();
            assertThat(client.content()).isEqualTo("another answer");
        }
        assertThat(provider.chatRequestCount()).isEqualTo(2);
    }
}
