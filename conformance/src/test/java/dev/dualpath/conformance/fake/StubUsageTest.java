package dev.dualpath.conformance.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StubUsageTest {

    @Test
    void minus_subtractsTheServiceTime_andTheCpuTimeWhenBothReadingsHaveOne() {
        StubUsage earlier = new StubUsage(new ServiceTime(2, 100, 0), OptionalLong.of(1_000));
        StubUsage later = new StubUsage(new ServiceTime(5, 400, 0), OptionalLong.of(4_000));

        assertThat(later.minus(earlier))
                .isEqualTo(new StubUsage(new ServiceTime(3, 300, 0), OptionalLong.of(3_000)));
        assertThat(later.minus(new StubUsage(new ServiceTime(2, 100, 0), OptionalLong.empty())))
                .isEqualTo(new StubUsage(new ServiceTime(3, 300, 0), OptionalLong.empty()));
    }

    @Test
    void minus_aReadingAhead_fails() {
        StubUsage earlier = new StubUsage(new ServiceTime(2, 100, 0), OptionalLong.of(5_000));
        StubUsage later = new StubUsage(new ServiceTime(5, 400, 0), OptionalLong.of(4_000));

        assertThatThrownBy(() -> later.minus(earlier)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeCpuTime_isRejected() {
        assertThatThrownBy(() -> new StubUsage(ServiceTime.NONE, OptionalLong.of(-1)))
                .hasMessageContaining("processCpuNanos");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anInProcessStub_hasNoCpuTime_butAnswersItsUsageRouteWithNumbers() throws Exception {
        try (FakeProvider fake = FakeProvider.start(FakeProvider.Options.test())) {
            assertThat(fake.usage().processCpuNanos()).isEmpty();

            HttpResponse<String> route =
                    Http.CLIENT.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    fake.wireMockBaseUrl()
                                                            + "/__admin"
                                                            + UsageAdminRoute.PATH))
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            JsonNode json = new ObjectMapper().readTree(route.body());
            assertThat(route.statusCode()).isEqualTo(200);
            assertThat(json.get(UsageAdminRoute.REQUESTS).canConvertToLong()).isTrue();
            assertThat(json.get(UsageAdminRoute.TOTAL_NANOS).canConvertToLong()).isTrue();
            assertThat(json.get(UsageAdminRoute.PROCESS_CPU_NANOS).asLong()).isPositive();
        }
    }
}
