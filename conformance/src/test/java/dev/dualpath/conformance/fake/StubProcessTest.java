package dev.dualpath.conformance.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fake provider in a child JVM, driven over HTTP as a benchmark fork drives it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StubProcessTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir Path dir;

    private StubProcess.Launch launch() {
        return StubProcess.Launch.ofThisJvm(
                List.of(), FakeProvider.Options.benchmark(), dir.resolve("stub.log"));
    }

    @Test
    void aStubInItsOwnJvm_servesWhatItIsGiven_andReportsItsOwnUsage() throws Exception {
        try (RemoteFakeProvider remote = RemoteFakeProvider.owning(StubProcess.start(launch()))) {
            String body = CannedBodies.ofBytes(4096);
            StubUsage before = remote.usage();

            var base = remote.stubSuccess(body, Latency.NONE);
            HttpResponse<String> first = Http.post(base);
            HttpResponse<String> second = Http.post(base);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).isEqualTo(body);
            assertThat(second.body()).isEqualTo(body);
            assertThat(Http.warm(base).statusCode()).isEqualTo(200);
            await().atMost(BOUND)
                    .until(() -> remote.usage().minus(before).serviceTime().requests() == 2);
            StubUsage served = remote.usage().minus(before);
            assertThat(served.serviceTime().totalNanos()).isPositive();
            // Read over the admin route: the residence arrives too, and holds the service time.
            assertThat(served.serviceTime().residenceNanos())
                    .isGreaterThanOrEqualTo(served.serviceTime().totalNanos());
            assertThat(served.processCpuNanos()).isPresent();
        }
    }

    @Test
    void closingAnOwnedStub_endsItsProcess_andKeepsItsLastReading() throws Exception {
        StubProcess process = StubProcess.start(launch());
        RemoteFakeProvider remote = RemoteFakeProvider.owning(process);
        Http.post(remote.stubSuccess(CannedBodies.success(), Latency.NONE));
        await().atMost(BOUND).until(() -> remote.usage().serviceTime().requests() == 1);

        remote.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(remote.usage().serviceTime().requests()).isEqualTo(1);
        remote.close(); // idempotent
    }

    @Test
    void aClientThatOnlyConnected_leavesTheStubRunning() {
        try (StubProcess process = StubProcess.start(launch())) {
            RemoteFakeProvider.connect(process.baseUrl()).close();

            assertThat(process.isAlive()).isTrue();
            assertThat(RemoteFakeProvider.connect(process.baseUrl()).usage()).isNotNull();
        }
    }

    @Test
    void aStubThatCannotStart_failsNamingItsLog() {
        StubProcess.Launch broken =
                new StubProcess.Launch(
                        List.of(),
                        launch().java(),
                        List.of("-XX:+NoSuchJvmOption"),
                        System.getProperty("java.class.path"),
                        FakeProvider.Options.benchmark(),
                        dir.resolve("broken.log"));

        assertThatThrownBy(() -> StubProcess.start(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited")
                .hasMessageContaining("broken.log");
    }

    @Test
    void connectingWhereNoStubListens_fails() {
        assertThatThrownBy(() -> RemoteFakeProvider.connect(RawSocketServer.refusedBaseUrl()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("usage");
    }
}
