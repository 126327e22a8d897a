package dev.dualpath.conformance.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServiceTimeTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void serviceTime_countsChatRequestsOnly_andIsPositiveAfterCalls() throws Exception {
        try (FakeProvider fake = FakeProvider.start(FakeProvider.Options.test())) {
            fake.stubSuccess(CannedBodies.success(), Latency.NONE);
            ServiceTime before = fake.serviceTime();

            // Warm-ups first, on the same keep-alive connection: Jetty completes each exchange
            // before it reads the next, so had they counted they would be in before the chats.
            Http.warm(fake.baseUrl());
            Http.warm(fake.baseUrl());
            for (int i = 0; i < 3; i++) {
                assertThat(Http.post(fake.baseUrl()).statusCode()).isEqualTo(200);
            }

            // The server records a request just after its last byte is written, maybe after the
            // client read it: await.
            await().atMost(BOUND).until(() -> fake.serviceTime().minus(before).requests() >= 3);
            ServiceTime served = fake.serviceTime().minus(before);
            assertThat(served.requests()).isEqualTo(3);
            assertThat(served.totalNanos()).isPositive();
            assertThat(served.meanMicros()).isPositive();
        }
    }

    @Test
    void serviceTime_inBenchmarkMode_timesDelayedResponsesSentAsynchronously() throws Exception {
        try (FakeProvider fake = FakeProvider.start(FakeProvider.Options.benchmark())) {
            fake.stubSuccess(CannedBodies.success(), new Latency.Fixed(Duration.ofMillis(20)));
            ServiceTime before = fake.serviceTime();

            assertThat(Http.post(fake.baseUrl()).statusCode()).isEqualTo(200);
            assertThat(Http.post(fake.baseUrl()).statusCode()).isEqualTo(200);

            await().atMost(BOUND).until(() -> fake.serviceTime().minus(before).requests() >= 2);
            ServiceTime served = fake.serviceTime().minus(before);
            assertThat(served.requests()).isEqualTo(2);
            assertThat(served.totalNanos()).isPositive();
            // The residence holds the delay the service time leaves out: each call waited 20 ms
            // in the stub, whatever the timer added to it.
            assertThat(served.meanResidenceMicros()).isGreaterThanOrEqualTo(20_000.0);
            assertThat(served.residenceNanos()).isGreaterThan(served.totalNanos());
        }
    }

    @Test
    void serviceTime_survivesReset_soWindowsCanBeSubtracted() throws Exception {
        try (FakeProvider fake = FakeProvider.start(FakeProvider.Options.test())) {
            fake.stubSuccess(CannedBodies.success(), Latency.NONE);
            Http.post(fake.baseUrl());
            await().atMost(BOUND).until(() -> fake.serviceTime().requests() >= 1);

            fake.reset();

            assertThat(fake.serviceTime().requests()).isEqualTo(1);
            assertThat(fake.chatRequestCount()).isZero();
        }
    }

    @Test
    void isChat_onlyPostsToTheChatPath_queryIgnored() {
        assertThat(ServiceTimer.isChat("POST", "/v1/chat/completions")).isTrue();
        assertThat(ServiceTimer.isChat("POST", "/v1/chat/completions?stream=false")).isTrue();
        assertThat(ServiceTimer.isChat("GET", "/v1/chat/completions")).isFalse();
        assertThat(ServiceTimer.isChat("GET", "/v1/tcp_warming")).isFalse();
        assertThat(ServiceTimer.isChat("POST", "/v1/tcp_warming")).isFalse();
        assertThat(ServiceTimer.isChat("POST", null)).isFalse();
    }

    @Test
    void minus_subtractsEveryField() {
        assertThat(new ServiceTime(10, 5_000, 90_000).minus(new ServiceTime(4, 2_000, 30_000)))
                .isEqualTo(new ServiceTime(6, 3_000, 60_000));
    }

    @Test
    void minus_laterSnapshotAsEarlier_isRejected() {
        assertThatThrownBy(() -> new ServiceTime(1, 100, 100).minus(new ServiceTime(2, 50, 50)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ahead");
    }

    @Test
    void meanMicros_dividesNanosByRequests_orNaNWhenNone() {
        assertThat(new ServiceTime(4, 200_000, 40_000_000).meanMicros()).isEqualTo(50.0);
        assertThat(new ServiceTime(4, 200_000, 40_000_000).meanResidenceMicros())
                .isEqualTo(10_000.0);
        assertThat(ServiceTime.NONE.meanMicros()).isNaN();
        assertThat(ServiceTime.NONE.meanResidenceMicros()).isNaN();
    }

    @Test
    void constructor_negativeValue_namesTheField() {
        assertThatThrownBy(() -> new ServiceTime(-1, 0, 0)).hasMessageContaining("requests");
        assertThatThrownBy(() -> new ServiceTime(0, -1, 0)).hasMessageContaining("totalNanos");
        assertThatThrownBy(() -> new ServiceTime(0, 0, -1)).hasMessageContaining("residenceNanos");
    }
}
