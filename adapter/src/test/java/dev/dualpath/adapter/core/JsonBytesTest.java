package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dualpath.adapter.wire.WireResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level token reader under the success fast path: on text it reads, the same strings and
 * numbers as Jackson; on bytes it is not sure of (invalid or unusual UTF-8, odd numbers, deep
 * nesting), it gives up and the tree reader decides.
 */
class JsonBytesTest {

    private static final ResponseProcessor PROCESSOR = new ResponseProcessor();

    private static byte[] withContent(byte[] rawContent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\""));
        out.writeBytes(rawContent);
        out.writeBytes(utf8("\"},\"finish_reason\":\"stop\"}],\"object\":\"chat.completion\"}"));
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The fast path gives up, or reads exactly what the tree reads; never accepts a bad body. */
    private static SuccessBody assertAgrees(byte[] body) {
        SuccessBody fast = SuccessBodyStream.read(body);
        WireResponse response = Wire.response(200, body);
        Throwable treeError = catchThrowable(() -> PROCESSOR.readTree(response, "r"));
        if (treeError != null) {
            assertThat(fast).as("accepted a body the tree rejects").isNull();
        } else if (fast != null) {
            assertThat(fast).isEqualTo(PROCESSOR.readTree(response, "r"));
        }
        return fast;
    }

    @Property(tries = 1000)
    void anyStringJacksonWrites_isReadBackExactly_onTheFastPath(@ForAll("text") String content) {
        String quoted = SuccessBodyStreamTestSupport.quote(content);
        byte[] raw = utf8(quoted.substring(1, quoted.length() - 1));

        SuccessBody fast = assertAgrees(withContent(raw));

        assertThat(fast).as("gave up on %s", quoted).isNotNull();
        assertThat(fast.choices().get(0).content()).isEqualTo(content);
    }

    @Provide
    Arbitrary<String> text() {
        // Every char but a lone surrogate (which Jackson refuses to write): controls, escapes,
        // Latin-1, the BMP, and pairs for the supplementary planes.
        Arbitrary<String> bmp =
                Arbitraries.strings()
                        .withChars('\u0000', '\ud7ff')
                        .withChars('\ue000', '\uffff')
                        .ofMaxLength(20);
        Arbitrary<String> astral =
                Arbitraries.integers()
                        .between(0x10000, 0x10FFFF)
                        .map(cp -> new String(Character.toChars(cp)));
        return Arbitraries.oneOf(
                bmp, astral, Arbitraries.of("\"\\/\b\f\n\r\t", "<think>a</think>b"));
    }

    @Property(tries = 2000)
    void anyBytesInAString_areEitherReadAsTheTreeReadsThem_orLeftToIt(@ForAll("bytes") byte[] raw) {
        assertAgrees(withContent(raw));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(8);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "C0 80", // overlong NUL
                "E0 80 80", // overlong
                "ED A0 80", // an encoded surrogate
                "F4 90 80 80", // beyond U+10FFFF
                "F5 80 80 80",
                "C3", // truncated
                "E2 82",
                "80", // a lone continuation byte
                "FF"
            })
    void notStrictlyValidUtf8_isLeftToTheTree(String hex) {
        String[] parts = hex.split(" ");
        byte[] raw = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            raw[i] = (byte) Integer.parseInt(parts[i], 16);
        }

        assertThat(SuccessBodyStream.read(withContent(raw))).isNull();
        assertAgrees(withContent(raw));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-",
                "01",
                "-01",
                "1.",
                ".5",
                "1e",
                "1e+",
                "+1",
                "1.5.5",
                "0x10",
                "1f",
                "NaN",
                "Infinity",
                "tru",
                "nul",
                "truex"
            })
    void anythingButAStrictJsonNumberOrLiteral_isLeftToTheTree(String value) {
        byte[] body = utf8("{\"choices\":[],\"x\":" + value + "}");

        assertThat(SuccessBodyStream.read(body)).isNull();
        assertAgrees(body);
    }

    @Test
    void numbers_readAsJacksonReadsThem() {
        byte[] body =
                utf8(
                        "{\"created\":-0,\"choices\":[{\"index\":3}],\"usage\":{\"prompt_tokens\":"
                                + "123456789012345678},\"time_info\":{\"queue_time\":1E-7,"
                                + "\"total_time\":12.5e+2,\"prompt_time\":0.000112839}}");

        SuccessBody fast = assertAgrees(body);

        assertThat(fast).isNotNull();
        assertThat(fast.created()).isZero();
        assertThat(fast.usage().promptTokens()).isEqualTo(123456789012345678L);
        assertThat(fast.time().totalSeconds()).isEqualTo(1250.0);
        assertThat(fast.time().queueSeconds()).isEqualTo(1e-7);
    }

    @Test
    void deepNesting_aByteOrderMark_andAnEscapedName_areLeftToTheTree() {
        String deep = "[".repeat(JsonBytes.MAX_DEPTH) + "]".repeat(JsonBytes.MAX_DEPTH);
        byte[] bom = utf8("\ufeff{\"choices\":[]}");
        byte[] escapedName = utf8("{\"choices\":[],\"\\u0069d\":\"x\"}");

        for (byte[] body :
                new byte[][] {utf8("{\"choices\":[],\"x\":" + deep + "}"), bom, escapedName}) {
            assertThat(SuccessBodyStream.read(body)).isNull();
            assertAgrees(body);
        }
    }

    @Test
    void whitespaceEverywhereJsonAllowsIt_isRead() {
        byte[] body = utf8(" \t\r\n{ \"choices\" : [ { \"index\" : 0 , \"message\" : { } } ] } \n");

        assertThat(assertAgrees(body)).isNotNull();
    }
}
