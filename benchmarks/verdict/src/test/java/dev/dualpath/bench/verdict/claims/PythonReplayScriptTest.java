package dev.dualpath.bench.verdict.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PythonReplayScriptTest {

    @TempDir Path tmp;

    @Test
    @Timeout(120)
    void theScriptWritesEverySeriesTheClaimsRead() {
        Assumptions.assumeTrue(
                PythonReplayRunner.findOnPath("python3").isPresent(),
                "python3 is not on PATH, so the asyncio replay script cannot be run here");
        Path out = tmp.resolve("python-replay.json");
        PythonReplayRunner.Outcome outcome =
                new PythonReplayRunner().run(out, 20, Duration.ofSeconds(100));
        assertThat(outcome.reason()).isEmpty();
        PythonReplay replay = PythonReplay.read(out);
        assertThat(replay.seriesNames())
                .contains(
                        "create",
                        "run",
                        "close",
                        "loop_total",
                        "direct_call",
                        "seed_literal",
                        "async_call");
        assertThat(replay.batches()).isGreaterThanOrEqualTo(10);
        assertThat(replay.unitsMillis("loop_total").size()).isGreaterThanOrEqualTo(10);
        assertThat(replay.unitsMillis("loop_total").mean()).isPositive();
    }

    @Test
    void aMissingPythonIsAReasonNotAnError() {
        PythonReplayRunner.Outcome outcome =
                new PythonReplayRunner(Optional::empty)
                        .run(tmp.resolve("x.json"), 20, Duration.ofSeconds(5));
        assertThat(outcome.output()).isEmpty();
        assertThat(outcome.reason()).contains("python3 not found");
    }
}
