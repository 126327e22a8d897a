package dev.dualpath.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code dualpath run}'s usage errors: caught before the conformance step and the benchmarks, so a
 * typo costs a second and leaves no run folder behind.
 */
class RunCommandTest {

    @TempDir Path results;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new DualpathCli());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--only|no-such-plan|--only",
                "-p|noSuchParam=1|noSuchParam",
                "--forks|0|--forks",
                "--profile|fastest|--profile",
                "--budget|0s|budget",
                "--budget|soon|--budget"
            })
    void aBadPlanOption_isAUsageErrorBeforeAnythingRuns(String option, String value, String named) {
        int exit = run("run", "--results", results.toString(), option, value);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(named);
        assertThat(results.resolve("runs")).doesNotExist();
    }

    @Test
    void resumingAFolderThatIsNoRun_isAUsageError() {
        int exit = run("run", "--resume", results.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("run-request.json");
    }

    @Test
    void resumingWithAnyOptionButTheBudget_isAUsageError_theRunKeepsItsOwn() throws Exception {
        java.nio.file.Files.writeString(
                results.resolve("run-request.json"),
                "{\"profile\":\"smoke\",\"results\":\"results\",\"jvmArgs\":[],"
                        + "\"pythonSamples\":10,\"pythonVenv\":\"v\",\"only\":[],"
                        + "\"params\":{},\"skipConformance\":true,\"failOnVerdict\":false}");

        int exit = run("run", "--resume", results.toString(), "--forks", "2", "--budget", "1h");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("only --budget").contains("--forks");
    }
}
