package dev.dualpath.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dualpath openloop} and the {@code run --open-loop} flag: wiring and usage errors (the
 * recorder is tested in its package).
 */
class OpenLoopCommandTest {

    @TempDir Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new DualpathCli());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void openloopHasHelpListingItsOutputsAndExitCodes() {
        assertThat(run("openloop", "--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: dualpath openloop")
                .contains("--rate")
                .contains("--strategies")
                .contains("-corrected.hgrm")
                .contains("Exit codes");
    }

    @Test
    void aRateOutOfRangeIsAUsageErrorNamingTheOption() {
        assertThat(run("openloop", "--out", tmp.toString(), "--rate", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("ratePerSecond").contains("--rate");
    }

    @Test
    void anUnknownStrategyIsAUsageError() {
        assertThat(run("openloop", "--out", tmp.toString(), "--strategies", "DIRECT,FASTEST"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("FASTEST");
    }

    @Test
    void theOutputFolderIsRequired() {
        assertThat(run("openloop")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void runOffersTheOpenLoopFlagBothWays() {
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString()).contains("--[no-]open-loop");
    }
}
