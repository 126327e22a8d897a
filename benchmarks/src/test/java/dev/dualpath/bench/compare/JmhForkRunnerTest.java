package dev.dualpath.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fork runs exactly one series: the series param and every other param pinned. */
class JmhForkRunnerTest {

    @TempDir Path tmp;

    private Path emptyJar() throws IOException {
        Path jar = tmp.resolve("empty.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream unused = new JarOutputStream(out)) {
            // no entries: the runner only looks for the call-cost profiler in it
        }
        return jar;
    }

    @Test
    void theForkCommand_pinsTheSeries_andEveryOtherParam() throws IOException {
        Build build = new Build(emptyJar(), "test", List.of());
        JmhForkRunner runner =
                new JmhForkRunner(
                        ForkSettings.inMemoryDefaults(),
                        Map.of(Side.BASE, build, Side.HEAD, build));

        List<String> command = runner.command(Side.BASE, "DIRECT", tmp.resolve("r.json"));

        assertThat(Collections.indexOfSubList(command, List.of("-p", "path=DIRECT")))
                .isNotNegative();
        assertThat(Collections.indexOfSubList(command, List.of("-p", "bodyBytes=1171")))
                .isNotNegative();
    }

    @Test
    void theSeriesParam_cannotAlsoBeFixed() {
        ForkSettings d = ForkSettings.inMemoryDefaults();
        assertThatThrownBy(
                        () ->
                                new ForkSettings(
                                        d.include(),
                                        "path",
                                        1,
                                        d.warmupTime(),
                                        1,
                                        d.measurementTime(),
                                        d.jvmFlags(),
                                        Map.of("path", "DIRECT")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'path'");
    }
}
