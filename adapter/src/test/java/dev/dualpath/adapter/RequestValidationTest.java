package dev.dualpath.adapter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.transport.TransportConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input is refused before any I/O, with a message naming the field. */
class RequestValidationTest {

    @Test
    void nullModel_isRejected() {
        assertThatThrownBy(() -> ChatRequest.of(null, List.of(ChatMessage.user("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model");
    }

    @Test
    void blankModel_isRejected() {
        assertThatThrownBy(() -> ChatRequest.of(" ", List.of(ChatMessage.user("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model");
    }

    @Test
    void emptyMessages_areRejected() {
        assertThatThrownBy(() -> ChatRequest.of("m", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messages");
    }

    @Test
    void nonPositiveMaxTokens_isRejected() {
        assertThatThrownBy(
                        () ->
                                ChatRequest.builder("m")
                                        .message(ChatMessage.user("x"))
                                        .maxCompletionTokens(0)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxCompletionTokens");
    }

    @Test
    void nonPositiveTimeouts_areRejected_namingTheField() {
        assertThatThrownBy(() -> TransportConfig.DEFAULTS.withReadTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> TransportConfig.DEFAULTS.withConnectTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> TransportConfig.DEFAULTS.withRequestTimeout(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestTimeout");
    }
}
