package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.stub.StubMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrencyBenchmarkTest {

    private static final String BLOCKING =
            "dev.dualpath.bench.ConcurrencyBenchmark.blockingThroughput";
    private static final String ASYNC = "dev.dualpath.bench.ConcurrencyBenchmark.asyncLatency";

    @Test
    void requireThreads_blockingNeedsOneThreadPerCaller() {
        assertThatCode(() -> ConcurrencyBenchmark.requireThreads(BLOCKING, 16, 16))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ConcurrencyBenchmark.requireThreads(BLOCKING, 16, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("callers=16")
                .hasMessageContaining("-t 16")
                .hasMessageContaining("ran with 1");
    }

    @Test
    void requireThreads_asyncNeedsOneThreadWhateverTheCallers() {
        assertThatCode(() -> ConcurrencyBenchmark.requireThreads(ASYNC, 64, 1))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ConcurrencyBenchmark.requireThreads(ASYNC, 4, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-t 1");
    }

    @Test
    void requireThreads_noCallers_isRejected() {
        assertThatThrownBy(() -> ConcurrencyBenchmark.requireThreads(BLOCKING, 0, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("callers must be >= 1");
    }

    @Test
    void warmUp_withoutADelay_makesNoCalls() {
        ConcurrencyBenchmark.Stub state = new ConcurrencyBenchmark.Stub();
        state.delayMs = 0;
        AtomicInteger calls = new AtomicInteger();

        state.warmUp(calls::incrementAndGet);
        state.delayAnswers(); // no stub to reach: a call would throw

        assertThat(calls).hasValue(0);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void warmUp_makesItsCalls_thenTheStubAnswersAfterTheDelay() throws Exception {
        ConcurrencyBenchmark.Stub state = new ConcurrencyBenchmark.Stub();
        state.delayMs = 300;
        AtomicInteger calls = new AtomicInteger();
        try (ServedStub stub =
                ServedStub.open(StubMode.IN_PROCESS, Target.SMALLEST_BODY_BYTES, Duration.ZERO)) {
            state.stub = stub;

            state.warmUp(calls::incrementAndGet);
            state.delayAnswers();

            assertThat(calls).hasValue(ConcurrencyBenchmark.WARM_UP_CALLS);
            HttpRequest post =
                    HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/v1/chat/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .timeout(Duration.ofSeconds(30))
                            .build();
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long start = System.nanoTime();
            HttpResponse<String> answer = client.send(post, HttpResponse.BodyHandlers.ofString());
            // A lower bound only: a loaded machine makes the call slower, never faster.
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(answer.statusCode()).isEqualTo(200);
        }
    }
}
