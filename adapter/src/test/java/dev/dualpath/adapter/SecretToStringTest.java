package dev.dualpath.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.core.RequestEncoder;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.transport.InMemoryTransport;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A canary key never shows in a toString() of anything that holds it. */
class SecretToStringTest {

    private static final String CANARY = "sk-CANARY-7f3a9c";

    @Test
    void apiKey_toString_masksTheSecret() {
        assertThat(new ApiKey(CANARY).toString()).doesNotContain(CANARY).contains("***");
    }

    @Test
    void blankApiKey_isRejected_withoutEchoingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ApiKey("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey");
    }

    @Test
    void wireRequest_toString_neverPrintsTheAuthorizationHeader() {
        var wire =
                new RequestEncoder(URI.create("http://127.0.0.1:1"), new ApiKey(CANARY))
                        .encode(
                                ChatRequest.of("m", java.util.List.of(ChatMessage.user("hi"))),
                                "id-1");

        assertThat(wire.headers().get("Authorization")).contains(CANARY);
        assertThat(wire.toString()).doesNotContain(CANARY);
    }

    @Test
    void adapterAndConfig_toString_neverPrintTheKey() {
        AdapterConfig config =
                AdapterConfig.of(URI.create("http://127.0.0.1:1"), new ApiKey(CANARY));
        try (CerebrasAdapter adapter =
                CerebrasAdapter.create(
                        config,
                        InMemoryTransport.answering(
                                request -> {
                                    throw new AssertionError("no call expected");
                                }))) {
            assertThat(adapter.toString()).doesNotContain(CANARY);
            assertThat(config.toString()).doesNotContain(CANARY);
        }
    }
}
