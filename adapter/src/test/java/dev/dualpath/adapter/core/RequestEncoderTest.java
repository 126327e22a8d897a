package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestEncoderTest {

    private static final ApiKey KEY = new ApiKey("sk-encoder-test");
    private final RequestEncoder encoder =
            new RequestEncoder(URI.create("http://127.0.0.1:8080"), KEY);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://127.0.0.1:8080, http://127.0.0.1:8080/v1/chat/completions",
        "http://127.0.0.1:8080/, http://127.0.0.1:8080/v1/chat/completions",
        "http://127.0.0.1:8080/v1, http://127.0.0.1:8080/v1/chat/completions",
        "http://127.0.0.1:8080/v1/, http://127.0.0.1:8080/v1/chat/completions",
        "https://api.cerebras.ai, https://api.cerebras.ai/v1/chat/completions",
        "https://host/proxy/, https://host/proxy/v1/chat/completions",
        "https://host/proxy/v1, https://host/proxy/v1/chat/completions"
    })
    void endpointAcceptsABaseWithOrWithoutSlashOrV1(String base, String expected) {
        assertThat(new RequestEncoder(URI.create(base), KEY).endpoint())
                .isEqualTo(URI.create(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost:8080",
                "/v1",
                "http:relative",
                "ftp://host",
                "http://host/?q=1",
                "http://host/#f",
                "file:///tmp"
            })
    void badBaseUrlsAreRejected(String base) {
        assertThatThrownBy(() -> new RequestEncoder(URI.create(base), KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
    }

    @Test
    void nullArgumentsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new RequestEncoder(null, KEY)).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> new RequestEncoder(URI.create("http://h"), null))
                .hasMessageContaining("apiKey");
    }

    @Test
    void minimalBodyHasOnlyModelAndMessages() {
        ChatRequest request =
                ChatRequest.of(
                        "llama3.1-8b",
                        List.of(ChatMessage.system("be brief"), ChatMessage.user("hi")));

        assertThat(new String(encoder.encodeBody(request), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"model\":\"llama3.1-8b\",\"messages\":[{\"role\":\"system\",\"content\":\"be"
                            + " brief\"},{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    @Test
    void everyOptionalFieldInOrderThenExtraBodyInKeyOrder() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("tools", List.of(Map.of("type", "function")));
        extra.put("response_format", Map.of("type", "json_object"));
        extra.put("clear_thinking", true);
        ChatRequest request =
                base().maxCompletionTokens(100)
                        .temperature(0.2)
                        .topP(0.9)
                        .seed(42L)
                        .stop(List.of("\n\n", "END"))
                        .n(3)
                        .reasoningEffort("low")
                        .reasoningFormat("parsed")
                        .extraBody(extra)
                        .build();

        assertThat(new String(encoder.encodeBody(request), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"max_completion_tokens\":100,\"temperature\":0.2,\"top_p\":0.9,\"seed\":42,\"stop\":[\"\\n"
                            + "\\n"
                            + "\",\"END\"],\"n\":3,"
                            + "\"reasoning_effort\":\"low\",\"reasoning_format\":\"parsed\",\"clear_thinking\":true,"
                            + "\"response_format\":{\"type\":\"json_object\"},\"tools\":[{\"type\":\"function\"}]}");
    }

    static Stream<Arguments> singleOptionalFields() {
        return Stream.of(
                Arguments.of(base().maxCompletionTokens(1).build(), "max_completion_tokens", "1"),
                Arguments.of(base().temperature(0.0).build(), "temperature", "0.0"),
                Arguments.of(base().topP(1.0).build(), "top_p", "1.0"),
                Arguments.of(base().seed(-1L).build(), "seed", "-1"),
                Arguments.of(base().stop(List.of()).build(), "stop", "[]"),
                Arguments.of(base().n(1).build(), "n", "1"),
                Arguments.of(
                        base().reasoningEffort("high").build(), "reasoning_effort", "\"high\""),
                Arguments.of(base().reasoningFormat("raw").build(), "reasoning_format", "\"raw\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("singleOptionalFields")
    void anOptionalFieldAppearsOnlyWhenSet(ChatRequest request, String field, String json)
            throws IOException {
        JsonNode body = Json.MAPPER.readTree(encoder.encodeBody(request));

        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("model", "messages", field);
        assertThat(body.get(field).toString()).isEqualTo(json);
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void extraBodyReplacesAStandardFieldInPlace() throws IOException {
        ChatRequest request =
                base().temperature(0.5)
                        .extraBody(Map.of("temperature", 1, "model", "other"))
                        .build();

        assertThat(new String(encoder.encodeBody(request), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"model\":\"other\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"temperature\":1}");
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of(base().temperature(Double.NaN).build(), "temperature"),
                Arguments.of(base().topP(Double.POSITIVE_INFINITY).build(), "topP"),
                Arguments.of(base().extraBody(Map.of("stream", true)).build(), "extraBody.stream"),
                Arguments.of(
                        base().extraBody(Map.of("bad", new Object())).build(), "extraBody.bad"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidRequests")
    void invalidBodiesAreRejectedNamingTheField(ChatRequest request, String field) {
        assertThatThrownBy(() -> encoder.encodeBody(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field);
    }

    private static ChatRequest.Builder base() {
        return ChatRequest.builder("m").message(ChatMessage.user("q"));
    }

    @Test
    void encodeAddsTheHeadersAndTheEndpoint() {
        ChatRequest request = ChatRequest.of("m", List.of(ChatMessage.user("q")));

        WireRequest wire = encoder.encode(request, "req-123");

        assertThat(wire.uri()).isEqualTo(URI.create("http://127.0.0.1:8080/v1/chat/completions"));
        assertThat(wire.method()).isEqualTo("POST");
        assertThat(wire.headers())
                .isEqualTo(
                        Map.of(
                                "Authorization", "Bearer sk-encoder-test",
                                "Content-Type", "application/json",
                                "Accept", "application/json",
                                "X-Request-Id", "req-123"));
        assertThat(wire.body()).isEqualTo(encoder.encodeBody(request));
        assertThat(wire.toString()).doesNotContain("sk-encoder-test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a\r\nX-Evil: 1", "tab\there"})
    void badRequestIdsAreRejected(String requestId) {
        ChatRequest request = ChatRequest.of("m", List.of(ChatMessage.user("q")));

        assertThatThrownBy(() -> encoder.encode(request, requestId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestId");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hi 👋🏽 👨‍👩‍👧‍👦",
                "你好，世界",
                "𝕳𝖊𝖑𝖑𝖔 \uD83D\uDE00",
                "quote \" backslash \\ nul \u0000 del \u007f",
                "line\nbreak\ttab",
                "مرحبا",
                ""
            })
    void unicodeContentRoundTripsExactly(String content) throws IOException {
        ChatRequest request = ChatRequest.of("m", List.of(ChatMessage.user(content)));

        byte[] body = encoder.encodeBody(request);

        assertThat(Json.MAPPER.readTree(body).at("/messages/0/content").textValue())
                .isEqualTo(content);
        assertThat(body).isEqualTo(encoder.encodeBody(request));
    }
}
