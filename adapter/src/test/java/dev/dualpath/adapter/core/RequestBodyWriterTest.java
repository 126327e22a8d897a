package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The streaming body writer against the tree encoder it replaced (kept here as the oracle): the
 * same bytes for every request, and the same exception for every bad one.
 */
class RequestBodyWriterTest {

    /** The encoder as it was before the streaming writer, verbatim in behaviour. */
    static byte[] treeEncode(ChatRequest request) throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("model", request.model());
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        if (request.maxCompletionTokens() != null) {
            root.put("max_completion_tokens", request.maxCompletionTokens());
        }
        if (request.temperature() != null) {
            root.put("temperature", finite(request.temperature(), "temperature"));
        }
        if (request.topP() != null) {
            root.put("top_p", finite(request.topP(), "topP"));
        }
        if (request.seed() != null) {
            root.put("seed", request.seed());
        }
        if (request.stop() != null) {
            ArrayNode stop = root.putArray("stop");
            request.stop().forEach(stop::add);
        }
        if (request.n() != null) {
            root.put("n", request.n());
        }
        if (request.reasoningEffort() != null) {
            root.put("reasoning_effort", request.reasoningEffort());
        }
        if (request.reasoningFormat() != null) {
            root.put("reasoning_format", request.reasoningFormat());
        }
        for (Map.Entry<String, Object> e : new TreeMap<>(request.extraBody()).entrySet()) {
            if ("stream".equals(e.getKey())) {
                throw new IllegalArgumentException(
                        "extraBody.stream is not supported: call streamSync() or stream() to"
                                + " stream");
            }
            JsonNode value;
            try {
                value = Json.MAPPER.valueToTree(e.getValue());
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(
                        "extraBody."
                                + e.getKey()
                                + " cannot be written as JSON: "
                                + e.getValue().getClass().getName(),
                        x);
            }
            root.set(e.getKey(), value);
        }
        return Json.MAPPER.writeValueAsBytes(root);
    }

    private static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
        return value;
    }

    private static final List<String> KEYS =
            List.of(
                    "model",
                    "messages",
                    "max_completion_tokens",
                    "temperature",
                    "top_p",
                    "seed",
                    "stop",
                    "n",
                    "reasoning_effort",
                    "reasoning_format",
                    "tools",
                    "response_format",
                    "a",
                    "z",
                    "stream",
                    "bad");

    @Provide
    Arbitrary<ChatRequest> requests() {
        Arbitrary<String> text =
                Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(12),
                        Arbitraries.of(
                                "Hi 👋🏽",
                                "quote \" back \\ nul \u0000 del \u007f",
                                "line\nbreak",
                                "𝕳",
                                "é/</script>"));
        Arbitrary<Double> number =
                Arbitraries.oneOf(
                        Arbitraries.doubles(),
                        Arbitraries.of(
                                0.0,
                                -0.0,
                                1e-7,
                                1e21,
                                0.1,
                                Double.MIN_VALUE,
                                Double.MAX_VALUE,
                                Double.NaN,
                                Double.POSITIVE_INFINITY));
        Arbitrary<Object> extraValue =
                Arbitraries.oneOf(
                        text.map(s -> (Object) s),
                        number.map(d -> (Object) d),
                        Arbitraries.of(
                                true,
                                1,
                                7L,
                                new BigDecimal("1.50"),
                                2.5f,
                                List.of(1, "x"),
                                Map.of("type", "json_object"),
                                new Object()));
        Arbitrary<Map<String, Object>> extra =
                Arbitraries.maps(Arbitraries.of(KEYS), extraValue).ofMaxSize(4);
        Arbitrary<List<ChatMessage>> messages =
                Combinators.combine(Arbitraries.of("user", "system", "assistant"), text)
                        .as(ChatMessage::new)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3);
        return Combinators.combine(
                        text.filter(s -> !s.isBlank()),
                        messages,
                        Arbitraries.integers().between(1, 5000).injectNull(0.5),
                        number.injectNull(0.5),
                        number.injectNull(0.5),
                        Arbitraries.longs().injectNull(0.5),
                        text.list().ofMaxSize(3).injectNull(0.5),
                        extra)
                .as(
                        (model, msgs, max, temp, topP, seed, stop, ex) ->
                                ChatRequest.builder(model)
                                        .messages(msgs)
                                        .maxCompletionTokens(max)
                                        .temperature(temp)
                                        .topP(topP)
                                        .seed(seed)
                                        .stop(stop)
                                        .n(max == null ? null : max % 4 + 1)
                                        .reasoningEffort(seed == null ? null : "low")
                                        .reasoningFormat(stop == null ? "parsed" : null)
                                        .extraBody(ex)
                                        .build());
    }

    @Property(tries = 1000)
    void writesTheSameBytesAndFailsTheSameWayAsTheTreeEncoder(
            @ForAll("requests") ChatRequest request) {
        byte[] expected = null;
        Throwable expectedError = null;
        try {
            expected = treeEncode(request);
        } catch (Exception e) {
            expectedError = e;
        }
        byte[] actual = null;
        Throwable actualError = catchThrowable(() -> RequestBodyWriter.write(request));
        if (actualError == null) {
            actual = RequestBodyWriter.write(request);
        }
        if (expectedError != null) {
            assertThat(actualError)
                    .isInstanceOf(expectedError.getClass())
                    .hasMessage(expectedError.getMessage());
        } else {
            assertThat(actualError).isNull();
            assertThat(new String(actual, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(actual).isEqualTo(expected);
        }
    }
}
