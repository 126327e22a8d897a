package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.adapter.error.BadRequestException;
import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.secret.ApiKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A number too large for a double ({@code 1e400} reads as Infinity) in an error field once escaped
 * as a raw {@code NumberFormatException}, found by the streaming reader's random differential test.
 * Both the mapper (error statuses) and the processor (an error object on a 200) must stay typed.
 */
class NumericOverflowTest {

    private static final ApiKey KEY = new ApiKey("sk-test");

    @Test
    void errorMapper_keepsTheStatus_whenAnErrorFieldOverflowsADouble() {
        ProviderException e =
                new ErrorMapper(KEY).fromResponse(Wire.json(400, "{\"detail\":1e400}"), "r1");

        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.details().message()).isNotBlank();
    }

    @Test
    void responseProcessor_throwsMalformed_notNumberFormat_onA200ErrorObjectThatOverflows() {
        assertThatThrownBy(
                        () ->
                                new ResponseProcessor(KEY)
                                        .process(
                                                Wire.json(200, "{\"detail\":1e400}"),
                                                Duration.ofMillis(1),
                                                "r1",
                                                1))
                .isInstanceOf(MalformedResponseException.class);
    }
}
