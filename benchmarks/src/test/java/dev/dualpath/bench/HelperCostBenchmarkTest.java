package dev.dualpath.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.core.RequestEncoder;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.scenario.Scenario;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class HelperCostBenchmarkTest {

    @Test
    void errorShapes_areExactlyTheCataloguesErrorsGroup() throws NoSuchFieldException {
        Param shapes =
                HelperCostBenchmark.ErrorShape.class.getField("shape").getAnnotation(Param.class);
        List<String> catalogue =
                ScenarioCatalog.load().group("errors").stream().map(Scenario::id).sorted().toList();

        assertThat(shapes.value()).containsExactlyInAnyOrderElementsOf(catalogue);
    }

    @Test
    void everyErrorShape_mapsToItsStatus() {
        HelperCostBenchmark.ErrorShape state = new HelperCostBenchmark.ErrorShape();
        for (Scenario s : ScenarioCatalog.load().group("errors")) {
            state.shape = s.id();
            state.setUp(); // fails unless the mapped status is the response's
            assertThat(state.response.status()).isBetween(400, 599);
        }
    }

    @Test
    void requestOfBytes_encodesToExactlyThatSize() {
        RequestEncoder encoder =
                new RequestEncoder(URI.create("http://127.0.0.1:1"), new ApiKey("k"));
        for (int bytes : new int[] {1024, 8192, 65536}) {
            assertThat(encoder.encodeBody(HelperCostBenchmark.requestOfBytes(encoder, bytes)))
                    .hasSize(bytes);
        }
    }

    @Test
    void responseStates_readTheContentOfEverySize_withBothReaders() {
        for (int bytes : new int[] {Target.SMALLEST_BODY_BYTES, 8192}) {
            for (var reader : dev.dualpath.adapter.core.SuccessReader.values()) {
                HelperCostBenchmark.Response state = new HelperCostBenchmark.Response();
                state.bodyBytes = bytes;
                state.reader = reader;
                state.setUp(); // fails unless the content read is the body's
                assertThat(state.response.body()).hasSize(bytes);
            }
        }
    }

    @Test
    void theSmallestBodyConstant_isTheCannedBodysSize() {
        assertThat(Target.SMALLEST_BODY_BYTES).isEqualTo(CannedBodies.smallestBytes());
    }
}
