package dev.dualpath.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run}'s options and the {@link RunRequest} a resume reads back: every option survives the
 * trip through the run folder, so a resumed run measures what its first stretch did.
 */
class RunOptionsTest {

    @TempDir Path runDir;

    private static RunOptions parsed(String... args) {
        RunOptions options = new RunOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void everyOptionGiven_comesBackFromTheRunFolder() throws Exception {
        RunOptions given =
                parsed(
                        "--profile",
                        "full",
                        "--results",
                        "elsewhere",
                        "--baseline",
                        "none",
                        "--claims",
                        "c.json",
                        "--jvm",
                        "/opt/jdk/bin/java",
                        "--jvm-args",
                        "-Xmx1g -XX:ActiveProcessorCount=1",
                        "--python-samples",
                        "7",
                        "--no-python-sdk",
                        "--python-venv",
                        "venv",
                        "--open-loop",
                        "--keep-cpus-awake",
                        "--only",
                        "peers",
                        "--only",
                        "helpers",
                        "-p",
                        "delayMs=0,10",
                        "--forks",
                        "4",
                        "--min-warmup",
                        "6",
                        "--skip-conformance",
                        "--fail-on-verdict");
        given.request().write(runDir);

        RunOptions resumed = new RunOptions();
        resumed.apply(RunRequest.read(runDir));

        assertThat(resumed.request()).isEqualTo(given.request());
        assertThat(resumed.request().jvmArgs())
                .containsExactly("-Xmx1g", "-XX:ActiveProcessorCount=1");
        assertThat(resumed.request().params()).containsEntry("delayMs", "0,10");
        assertThat(resumed.baselineDir()).isNull();
        assertThat(resumed.claimsFile()).isEqualTo(Path.of("c.json"));
        assertThat(resumed.keepCpusAwakeEnabled()).isTrue();
    }

    @Test
    void aRunFolderFromBeforeTheCpuOption_resumesWithTheCpusLeftAlone() throws Exception {
        parsed().request().write(runDir);
        Path file = runDir.resolve(RunRequest.FILE);
        String older = Files.readString(file).replaceAll("(?m)^\\s*\"keepCpusAwake\".*\\R", "");
        assertThat(older).doesNotContain("keepCpusAwake");
        Files.writeString(file, older);

        RunOptions resumed = new RunOptions();
        resumed.apply(RunRequest.read(runDir));

        assertThat(resumed.keepCpusAwakeEnabled()).isFalse();
    }

    @Test
    void theDefaults_comeBackAsDefaults_notAsTheirCurrentValues() throws Exception {
        RunOptions given = parsed();
        given.request().write(runDir);

        RunOptions resumed = new RunOptions();
        resumed.apply(RunRequest.read(runDir));

        // Null means "the profile's default", decided when the run resumes, as when it started.
        assertThat(resumed.request().pythonSdk()).isNull();
        assertThat(resumed.request().openLoop()).isNull();
        assertThat(resumed.request().forks()).isNull();
        assertThat(resumed.request().keepCpusAwake()).isNull();
        assertThat(resumed.keepCpusAwakeEnabled()).as("off unless asked for").isFalse();
        assertThat(resumed.baselineDir()).isEqualTo(Path.of("results", "baseline"));
        assertThat(resumed.claimsSkippedAsPartial()).isFalse();
    }
}
