package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import dev.dualpath.conformance.fake.CannedBodies;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class CallPartsBenchmarkTest {

    private final CallPartsBenchmark.Parts parts = new CallPartsBenchmark.Parts();

    @BeforeEach
    void setUp() {
        parts.setUp();
    }

    @AfterEach
    void tearDown() {
        parts.tearDown();
    }

    @Test
    void params_nameEveryPart() throws NoSuchFieldException {
        Param param = CallPartsBenchmark.Parts.class.getField("part").getAnnotation(Param.class);

        assertThat(param.value())
                .containsExactlyInAnyOrder(
                        Arrays.stream(CallPart.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void theCallAndItsProcessing_readTheCannedContent() throws IOException {
        String expected = CannedBodies.contentOfBytes(Target.SMALLEST_BODY_BYTES);

        assertThat(((UnifiedChatResponse) CallPart.DIRECT_CALL.run(parts)).content())
                .isEqualTo(expected);
        assertThat(((UnifiedChatResponse) CallPart.RESPONSE_PROCESSING.run(parts)).content())
                .isEqualTo(expected);
        assertThat(CallPart.RAW_CALL.run(parts)).isInstanceOf(WireResponse.class);
    }

    @Test
    void encoding_isTheBenchmarksRequest() throws IOException {
        WireRequest wire = (WireRequest) CallPart.REQUEST_ENCODING.run(parts);

        assertThat(wire.body()).isEqualTo(parts.target.wire().body());
        assertThat((String) CallPart.REQUEST_ID.run(parts)).hasSize(36);
    }

    @Test
    void theTokenWalk_reachesTheBodysLastToken() throws IOException {
        assertThat(CallPart.JSON_TOKENS.run(parts)).isEqualTo(JsonToken.END_OBJECT);
        assertThat(CallPart.JSON_PARSER.run(parts)).isNotNull();
        assertThat(CallPart.JSON_GENERATOR.run(parts)).isNotNull();
    }
}
