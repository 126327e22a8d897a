package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.UnprocessableEntityException;
import dev.dualpath.adapter.secret.ApiKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error from a response carries the provider's own request id and the response headers
 * (read-only, the key masked) beside the client's id; a FastAPI-style validation body gives the
 * failing field as {@code param} and its {@code msg} as the message.
 */
class ProviderIdentityTest {

    private static final String KEY = "sk-CANARY-77aa";
    private final ErrorMapper mapper = new ErrorMapper(new ApiKey(KEY));

    @Test
    void anError_carriesTheProvidersRequestId_andTheHeaders_besideTheClientsId() {
        ProviderException e =
                mapper.fromResponse(
                        Wire.json(
                                500,
                                ProviderBodies.WRONG_API_KEY,
                                "X-Request-Id",
                                "srv-abc-1",
                                "CF-Ray",
                                "8f00"),
                        "client-1");

        assertThat(e.requestId()).isEqualTo("client-1");
        assertThat(e.providerRequestId()).isEqualTo("srv-abc-1");
        assertThat(e.headers())
                .containsEntry("x-request-id", List.of("srv-abc-1"))
                .containsEntry("cf-ray", List.of("8f00"));
        assertThat(e.getMessage()).contains("client-1");
    }

    @Test
    void theHeaders_areReadOnly_andMaskTheKeyTheServerEchoed() {
        ProviderException e =
                mapper.fromResponse(
                        Wire.json(401, ProviderBodies.WRONG_API_KEY, "X-Echo", "Bearer " + KEY),
                        "client-2");

        assertThat(e.headers().get("x-echo")).containsExactly("Bearer ***");
        assertThatThrownBy(() -> e.headers().put("x", List.of("y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.headers().get("x-echo").set(0, KEY))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(String.valueOf(e.details())).doesNotContain(KEY);
    }

    @Test
    void noProviderRequestId_whenTheServerSentNone() {
        ProviderException e = mapper.fromResponse(Wire.json(503, "{}"), "client-3");

        assertThat(e.providerRequestId()).isNull();
        assertThat(e.requestId()).isEqualTo("client-3");
    }

    static Stream<Arguments> validationBodies() {
        return Stream.of(
                Arguments.of(
                        "{\"detail\":[{\"loc\":[\"body\",\"messages\",0,\"role\"],"
                                + "\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}",
                        "messages.0.role",
                        "field required"),
                Arguments.of(
                        "{\"detail\":[{\"loc\":[\"body\",\"model\"],\"msg\":\"field required\"},"
                                + "{\"loc\":[\"query\",\"n\"],\"msg\":\"must be > 0\"}]}",
                        "model",
                        "model: field required; n: must be > 0"));
    }

    /** One entry: its field and its msg; several: the first field, and each field with its msg. */
    @ParameterizedTest
    @MethodSource("validationBodies")
    void aValidationError_givesTheFieldAsParam_andItsMsgAsTheMessage(
            String body, String param, String message) {
        ProviderException e = mapper.fromResponse(Wire.json(422, body), "client-4");

        assertThat(e).isInstanceOf(UnprocessableEntityException.class);
        assertThat(e.details().param()).isEqualTo(param);
        assertThat(e.details().message()).isEqualTo(message);
    }
}
