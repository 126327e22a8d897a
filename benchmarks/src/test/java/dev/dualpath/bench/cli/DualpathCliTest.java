package dev.dualpath.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The benchmarks' command line offers the verdict module's commands next to its own; their
 * behaviour is specified by the verdict module's tests.
 */
class DualpathCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new DualpathCli());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "run",
                "gate",
                "spread",
                "claims",
                "report",
                "evidence",
                "prove-gate",
                "openloop"
            })
    void everyCommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).contains("Usage: dualpath " + command).contains("Exit codes");
    }

    @Test
    void everyCommandsHelp_formatsWithoutWarnings() {
        // A lone '%' in a description is a format conversion to picocli: it then prints the text
        // raw and warns on stderr, where a user reading --help sees the warning.
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(
                new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            CommandLine root = new CommandLine(new DualpathCli());
            root.getSubcommands().values().forEach(CommandLine::getUsageMessage);
        } finally {
            System.setErr(saved);
        }
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    /**
     * {@code summary} writes a run's {@code summary.md} again with the line its run wrote on top:
     * whether idle CPUs were kept from halting, read back from {@code env.json}.
     */
    @Test
    void summaryKeepsTheRunsIdleCpuLine(@TempDir Path dir) throws Exception {
        Files.copy(
                Path.of(DualpathCliTest.class.getResource("/summary/jmh.json").toURI()),
                dir.resolve("jmh.json"));
        Files.writeString(
                dir.resolve("env.json"),
                "{\"profile\": \"quick\", \"cpuWake\": \"not held: not asked for\"}");

        assertThat(run("summary", "--run", dir.toString())).isZero();

        assertThat(Files.readString(dir.resolve("summary.md")))
                .startsWith("# dualpath run — profile quick")
                .contains(
                        "Idle CPUs kept from halting (`--keep-cpus-awake`, `env.json` `cpuWake`):"
                                + " not held: not asked for.");
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: dualpath");
    }
}
