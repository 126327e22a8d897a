package dev.dualpath.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.bench.BenchPath;
import dev.dualpath.bench.verdict.report.HgrmReader;
import dev.dualpath.conformance.fake.CannedBodies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real runs against the fake provider on 127.0.0.1, in this JVM; counts and files only, never
 * timing.
 */
class StrategyRunTest {

    /** DIRECT, 20 calls/s for 1 s after 0.2 s: short, and slow enough for any machine. */
    private static final OpenLoopSettings BRIEF =
            new OpenLoopSettings(TransportKind.APACHE, 0, 20, 200, 1_000, 8);

    @TempDir Path out;

    @Test
    @Timeout(60)
    void aShortRunOfDirectRecordsEveryScheduledCallAndWritesAllFiles()
            throws IOException, InterruptedException {
        List<String> progress = new ArrayList<>();
        OpenLoopReport report =
                OpenLoop.run(
                        BRIEF, List.of(BenchPath.DIRECT), out, StrategyRun::run, progress::add);

        StrategyResult direct = report.results().get(0);
        assertThat(direct.status()).as("%s", direct).isEqualTo(StrategyResult.Status.OK);
        assertThat(direct.scheduled()).isEqualTo(20);
        assertThat(direct.count()).isEqualTo(20);
        assertThat(
                        direct.errors()
                                + direct.notStarted()
                                + direct.unfinished()
                                + direct.warmupErrors())
                .isZero();
        assertThat(direct.corrected().maxUs()).isGreaterThanOrEqualTo(direct.raw().maxUs());
        assertThat(direct.jvm().cpus()).isPositive();

        assertThat(out.resolve("hgrm/DIRECT-raw.hgrm")).isRegularFile();
        assertThat(out.resolve("hgrm/DIRECT-corrected.hgrm")).isRegularFile();
        assertThat(new HgrmReader().read(out.resolve(direct.correctedHgrm())).points())
                .isNotEmpty();
        assertThat(out.resolve(OpenLoopReport.JSON)).isRegularFile();
        assertThat(out.resolve(OpenLoopReport.MARKDOWN))
                .content()
                .contains("| DIRECT | OK | 20 | 0 |");
        assertThat(progress)
                .hasSize(2)
                .last()
                .asString()
                .startsWith("open-loop DIRECT: OK, 20/20 calls, 0 errors");
    }

    @Test
    @Timeout(60)
    void aStrategyWhoseSetupCheckFailsIsReportedAsFailedWithoutFiles()
            throws IOException, InterruptedException {
        StrategyResult result =
                StrategyRun.run(
                        BenchPath.DIRECT,
                        BRIEF,
                        out,
                        (provider, delay) ->
                                provider.stubSuccess(
                                        CannedBodies.success("not what the check expects"), delay));

        assertThat(result.status()).isEqualTo(StrategyResult.Status.FAILED);
        assertThat(result.failure()).startsWith("setup check failed").contains("DIRECT");
        assertThat(result.count()).isZero();
        assertThat(out.resolve("hgrm/DIRECT-raw.hgrm")).doesNotExist();
    }

    @Test
    @Timeout(60)
    void aForkThatCannotStartIsReportedAsFailedNamingTheLog()
            throws IOException, InterruptedException {
        Path log = out.resolve(OpenLoop.LOG);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ForkLauncher launcher =
                new ForkLauncher(List.of(java, "-cp", out.resolve("no-such.jar").toString()), log);

        StrategyResult result = launcher.run(BenchPath.DIRECT, BRIEF, out);

        assertThat(result.status()).isEqualTo(StrategyResult.Status.FAILED);
        assertThat(result.failure()).contains("fork exited with").contains(OpenLoop.LOG);
        assertThat(log).content().contains("== DIRECT: ").contains("OpenLoopMain");
        assertThat(out.resolve(".openloop-DIRECT.json")).doesNotExist();
    }
}
