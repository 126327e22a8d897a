package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void generatedIdsAreVersion4UuidsInCanonicalForm() {
        for (int i = 0; i < 1000; i++) {
            String id = RequestIds.next();
            UUID parsed = UUID.fromString(id);
            assertThat(id)
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(parsed.toString()).isEqualTo(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
        }
    }

    @Test
    void generatedIdsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(RequestIds.next());
        }
        assertThat(seen).hasSize(100_000);
    }
}
