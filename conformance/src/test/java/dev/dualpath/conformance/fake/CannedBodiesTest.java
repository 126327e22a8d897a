package dev.dualpath.conformance.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CannedBodiesTest {

    @Test
    void ofBytes_isExactlyThatSize_andOnlyTheContentGrows() throws Exception {
        for (int bytes : new int[] {CannedBodies.smallestBytes(), 1200, 65_536, 1_048_576}) {
            String body = CannedBodies.ofBytes(bytes);

            assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
            String content =
                    new ObjectMapper().readTree(body).at("/choices/0/message/content").textValue();
            assertThat(content)
                    .isEqualTo(CannedBodies.contentOfBytes(bytes))
                    .startsWith(CannedBodies.DEFAULT_CONTENT);
        }
    }

    @Test
    void theSmallestIsTheCannedBodyItself() {
        assertThat(CannedBodies.ofBytes(CannedBodies.smallestBytes()))
                .isEqualTo(CannedBodies.success());
    }

    @Test
    void belowTheCannedBody_fails() {
        assertThatThrownBy(() -> CannedBodies.ofBytes(CannedBodies.smallestBytes() - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bodyBytes must be >= " + CannedBodies.smallestBytes());
    }
}
