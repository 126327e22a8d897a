package dev.dualpath.conformance.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StubServerArgumentsTest {

    @Test
    void theArgumentsALauncherWrites_parseBackToTheSameSettings() {
        FakeProvider.Options options = new FakeProvider.Options(true, 64, 32);
        Path ready = Path.of("/tmp/ready.url");

        StubServer.Arguments parsed =
                StubServer.Arguments.parse(StubServer.Arguments.of(ready, options));

        assertThat(parsed.readyFile()).isEqualTo(ready);
        assertThat(parsed.options()).isEqualTo(options);
    }

    @Test
    void unsetSettings_areTheBenchmarkDefaults() {
        assertThat(StubServer.Arguments.parse(List.of("--ready-file", "r")).options())
                .isEqualTo(FakeProvider.Options.benchmark());
    }

    @Test
    void badArguments_areNamed() {
        assertThatThrownBy(() -> StubServer.Arguments.parse(List.of()))
                .hasMessageContaining("--ready-file is required");
        assertThatThrownBy(() -> StubServer.Arguments.parse(List.of("--ready-file")))
                .hasMessageContaining("--ready-file needs a value");
        assertThatThrownBy(
                        () ->
                                StubServer.Arguments.parse(
                                        List.of("--ready-file", "r", "--container-threads", "x")))
                .hasMessageContaining("--container-threads must be an integer");
        assertThatThrownBy(() -> StubServer.Arguments.parse(List.of("--ready-file", "r", "--port")))
                .hasMessageContaining("unknown argument '--port'");
        assertThatThrownBy(
                        () ->
                                StubServer.Arguments.parse(
                                        List.of("--ready-file", "r", "--container-threads", "2")))
                .hasMessageContaining("containerThreads must be >= 10");
    }
}
