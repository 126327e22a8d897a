package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dualpath.adapter.wire.WireResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token-stream fast path against the tree reader, which stays the authority: on every body the
 * fast path either gives up or reads exactly what the tree reader reads, and it never accepts a
 * body the tree reader rejects.
 */
class SuccessBodyStreamTest {

    private static final ResponseProcessor PROCESSOR = new ResponseProcessor();

    static final String TOOLS =
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"t1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\",\"extra\":[1,{\"x\":\"y\"}]}},{\"id\":\"t2\",\"function\":null}]}},{\"message\":{\"content\":\"<think>"
                + " hm </think>\\n"
                + " done\"}}]}";

    /**
     * Tree result or the tree's exception message, and the fast path's result (null when it gave
     * up).
     */
    private static void assertAgrees(byte[] body) {
        WireResponse response = Wire.response(200, body);
        SuccessBody fast = SuccessBodyStream.read(body);
        Throwable treeError = catchThrowable(() -> PROCESSOR.readTree(response, "r"));
        if (treeError != null) {
            // What the tree reader throws is ResponseProcessor's business (tested there); here
            // only that the fast path does not accept the body. It is not always a
            // MalformedResponseException: {"detail":1e400} on a 2xx escapes as a
            // NumberFormatException, a known, separate bug.
            assertThat(fast)
                    .as("fast path accepted a body the tree rejects: %s", treeError.getMessage())
                    .isNull();
        } else if (fast != null) {
            assertThat(fast).isEqualTo(PROCESSOR.readTree(response, "r"));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ResponseProcessorTest.MINIMAL,
                ResponseProcessorTest.FULL,
                TOOLS,
                "{\"choices\":[]}",
                "{\"choices\":[],\"error\":null,\"usage\":null,\"time_info\":null,\"created\":null}"
            })
    void commonBodiesTakeTheFastPathAndReadAsTheTreeDoes(String body) {
        assertThat(SuccessBodyStream.read(utf8(body))).isNotNull();
        assertAgrees(utf8(body));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"choices\":[],\"id\":\"a\",\"id\":\"b\"}",
                "{\"choices\":[{\"index\":3,\"index\":null}]}",
                "{\"choices\":[{\"message\":{\"content\":\"a\"},\"message\":null}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":5},\"prompt_tokens_details\":{}}}",
                "{\"choices\":[{\"message\":{\"tool_calls\":[{\"function\":{\"name\":\"x\"},\"function\":{\"arguments\":\"{}\"}}]}}]}",
                "{\"choices\":[],\"choices\":null}",
                "{\"choices\":null,\"choices\":[]}"
            })
    void aRepeatedFieldsLastValueWinsAsInATree(String body) {
        assertAgrees(utf8(body));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "[]",
                "\"x\"",
                "{\"choices\":[]} {}",
                "{\"choices\":[]}x",
                "{\"choices\":[]} tr",
                "{\"choices\":[]} 1",
                "{\"choices\":[]} \"a}",
                "{\"choices\":[]} -",
                "{\"choices\":[]} {\"a\":",
                "{\"choices\":[",
                "{\"choices\":[],\"x\":[1,2,]}",
                "{\"error\":{\"message\":\"m\"},\"choices\":[]}",
                "{\"error\":\"e\",\"choices\":[]}",
                "{\"object\":\"error\",\"message\":\"m\"}",
                "{\"choices\":[],\"created\":1.5e300}",
                "{\"choices\":[],\"created\":1e400}",
                "{\"choices\":[{\"index\":-1}]}",
                "{\"choices\":[{\"index\":2.0}]}",
                "{\"choices\":[{\"index\":99999999999999999999}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":\"12\"}}",
                "{\"choices\":[],\"time_info\":{\"total_time\":1e999}}",
                "{\"choices\":[null]}",
                "{\"choices\":[{\"message\":{\"content\":42}}]}",
                "{\"choices\":{}}"
            })
    void oddOrBrokenBodiesAreLeftToTheTreeReader(String body) {
        assertThat(SuccessBodyStream.read(utf8(body))).isNull();
        assertAgrees(utf8(body));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"choices\":[]} tr",
                "{\"choices\":[",
                "{\"choices\":[{\"message\":{\"content\":\"unfinished",
                "{\"choices\":[]} {\"a\":",
                "[]"
            })
    void aBodyLeftToTheTreeReader_doesNotSpoilTheNextBody(String broken) {
        byte[] good = utf8(ResponseProcessorTest.FULL);
        SuccessBody before = SuccessBodyStream.read(good);

        assertThat(SuccessBodyStream.read(utf8(broken))).isNull();
        SuccessBody after = SuccessBodyStream.read(good);

        assertThat(after).isNotNull().isEqualTo(before);
        assertAgrees(good);
    }

    @Test
    void blanksAfterTheObject_stillTakeTheFastPath_andBodiesReadBackToBack() {
        byte[] padded = utf8(ResponseProcessorTest.MINIMAL + " \r\n\t ");
        byte[] tools = utf8(TOOLS);

        SuccessBody first = SuccessBodyStream.read(padded);
        assertAgrees(padded);
        assertAgrees(tools);
        // Past the count at which a parser is retired and replaced.
        for (int i = 0; i < DocumentParser.MAX_DOCUMENTS + 10; i++) {
            assertThat(SuccessBodyStream.read(padded)).isNotNull().isEqualTo(first);
            assertThat(SuccessBodyStream.read(tools)).isNotNull();
        }
    }

    @org.junit.jupiter.api.Test
    void invalidUtf8InASkippedStringIsRejectedByBothReaders() {
        byte[] body = utf8("{\"choices\":[],\"object\":\"ab\"}");
        byte[] bad = new byte[body.length + 1];
        int quote = "{\"choices\":[],\"object\":\"a".length();
        System.arraycopy(body, 0, bad, 0, quote);
        bad[quote] = (byte) 0xC3; // a two-byte lead followed by an ASCII byte: invalid UTF-8
        System.arraycopy(body, quote, bad, quote + 1, body.length - quote);

        assertThat(SuccessBodyStream.read(bad)).isNull();
        assertAgrees(bad);
    }

    private static final List<String> NAMES =
            List.of(
                    "id",
                    "model",
                    "created",
                    "system_fingerprint",
                    "service_tier",
                    "choices",
                    "usage",
                    "time_info",
                    "error",
                    "object",
                    "index",
                    "finish_reason",
                    "message",
                    "role",
                    "content",
                    "reasoning",
                    "tool_calls",
                    "type",
                    "function",
                    "name",
                    "arguments",
                    "prompt_tokens",
                    "completion_tokens",
                    "total_tokens",
                    "prompt_tokens_details",
                    "cached_tokens",
                    "completion_tokens_details",
                    "reasoning_tokens",
                    "queue_time",
                    "prompt_time",
                    "completion_time",
                    "total_time",
                    "detail",
                    "x");

    @Provide
    Arbitrary<String> json() {
        return value(4);
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "null",
                                "true",
                                "false",
                                "0",
                                "-1",
                                "42",
                                "12.0",
                                "0.5",
                                "1e2",
                                "-0.0",
                                "1e400",
                                "9223372036854775807",
                                "9223372036854775808",
                                "\"\"",
                                "\"a\"",
                                "\"\\u00e9\\n\"",
                                "\"<think>r</think> c\""),
                        Arbitraries.strings().ofMaxLength(6).map(SuccessBodyStreamTest::quote));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array =
                value(depth - 1)
                        .list()
                        .ofMaxSize(3)
                        .map(items -> items.stream().collect(Collectors.joining(",", "[", "]")));
        Arbitrary<String> object =
                Arbitraries.of(NAMES)
                        .flatMap(n -> value(depth - 1).map(v -> quote(n) + ":" + v))
                        .list()
                        .ofMaxSize(5)
                        .map(fields -> fields.stream().collect(Collectors.joining(",", "{", "}")));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, scalar),
                net.jqwik.api.Tuple.of(1, array),
                net.jqwik.api.Tuple.of(3, object));
    }

    private static String quote(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 2000)
    void onAnyGeneratedBodyTheFastPathGivesUpOrAgreesWithTheTree(@ForAll("json") String body) {
        assertAgrees(utf8(body));
    }

    @Property(tries = 500)
    void aSuccessBodyWithGeneratedPartsGivesUpOrAgreesWithTheTree(
            @ForAll("json") String choice,
            @ForAll("json") String usage,
            @ForAll("json") String time,
            @ForAll("json") String extra) {
        List<String> fields =
                new ArrayList<>(
                        List.of(
                                "\"id\":\"c\"",
                                "\"choices\":[" + choice + "]",
                                "\"usage\":" + usage,
                                "\"time_info\":" + time,
                                "\"x\":" + extra));
        assertAgrees(utf8("{" + String.join(",", fields) + "}"));
    }
}
