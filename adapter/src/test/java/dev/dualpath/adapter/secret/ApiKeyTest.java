package dev.dualpath.adapter.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A key that could not travel as a header value is refused when it is built, naming the field and
 * never the value: a trailing newline from a file, whitespace at either end, a control character, a
 * character outside US-ASCII. No transport ever holds such a key, so none can refuse it quoting the
 * value, and none can send it as another key.
 */
class ApiKeyTest {

    private static final String CANARY = "sk-CANARY-5e1d";

    static List<String> badKeys() {
        return List.of(
                CANARY + "\n",
                CANARY + "\r\n",
                " " + CANARY,
                CANARY + " ",
                "\t" + CANARY,
                CANARY + "\u00a0",
                "sk-CAN\u0000ARY-5e1d",
                "sk-CAN\u007fARY-5e1d",
                "sk-CAN\nARY-5e1d",
                "sk-CANÄRY-5e1d",
                "sk-CANARY-5e1d\u2028");
    }

    @ParameterizedTest
    @MethodSource("badKeys")
    void aKeyThatCannotBeAHeaderValue_isRefused_namingTheFieldNotTheValue(String bad) {
        assertThatThrownBy(() -> new ApiKey(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey")
                .hasNoCause()
                .satisfies(
                        e -> {
                            assertThat(e.getMessage()).doesNotContain("CANARY", "CAN", "ARY-5e1d");
                            assertThat(e.toString()).doesNotContain("CAN");
                        });
    }

    @Test
    void aPrintableAsciiKey_isKept_andSentAsABearerToken() {
        ApiKey key = new ApiKey("sk-abc_DEF.123~!");

        assertThat(key.bearer()).isEqualTo("Bearer sk-abc_DEF.123~!");
        assertThat(key.toString()).doesNotContain("abc");
    }

    @Test
    void redact_masksEveryOccurrence_andOccursInFindsIt() {
        ApiKey key = new ApiKey(CANARY);

        assertThat(key.redact("a " + CANARY + " b " + CANARY)).isEqualTo("a *** b ***");
        assertThat(key.occursIn("x" + CANARY)).isTrue();
        assertThat(key.occursIn(null)).isFalse();
    }
}
