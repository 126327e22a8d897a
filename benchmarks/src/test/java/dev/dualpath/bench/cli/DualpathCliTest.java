package dev.dualpath.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
            strings = {"run", "gate", "claims", "report", "evidence", "prove-gate", "openloop"})
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

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: dualpath");
    }
}
