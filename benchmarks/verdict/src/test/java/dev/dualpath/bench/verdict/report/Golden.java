package dev.dualpath.bench.verdict.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. Run with {@code -Dgolden.update=true} to (re)write the files under
 * src/test/resources/golden after an intended format change, then review the diff.
 */
final class Golden {

    private Golden() {}

    static void assertMatches(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src", "test", "resources", "golden", name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in)
                    .as("golden file %s missing; generate it with -Dgolden.update=true", name)
                    .isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual)
                    .as(
                            "output differs from golden/%s (regenerate with -Dgolden.update=true if"
                                    + " intended)",
                            name)
                    .isEqualTo(expected);
        }
    }
}
