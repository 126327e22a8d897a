package dev.dualpath.bench.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.run.SdkReplayStep;
import dev.dualpath.bench.verdict.Fixtures;
import dev.dualpath.bench.verdict.claims.ClaimChecker;
import dev.dualpath.bench.verdict.claims.ClaimResult;
import dev.dualpath.bench.verdict.claims.ClaimStatus;
import dev.dualpath.bench.verdict.claims.ClaimsFileReader;
import dev.dualpath.bench.verdict.claims.ClaimsResult;
import dev.dualpath.bench.verdict.claims.PythonSource;
import dev.dualpath.bench.verdict.claims.SdkReplay;
import dev.dualpath.bench.verdict.claims.SdkSource;
import dev.dualpath.bench.verdict.claims.Side;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-SDK replay end to end against the in-process stub, without the package registry: with
 * pip pointed at an unreachable index (the replay is unavailable, with pip's reason, and its claims
 * INCONCLUSIVE), and with a stand-in SDK on {@code PYTHONPATH} that behaves like the real one where
 * the harness must see it (a loop-bound async client failing every other call from fresh loops).
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class SdkReplayRunnerTest {

    private static final SdkReplayRunner.Settings SMALL =
            new SdkReplayRunner.Settings(2, 2, 4, 0, 7, Duration.ofMinutes(3));

    @TempDir Path tmp;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private Path python3;

    @BeforeEach
    void needsPython() {
        Optional<Path> found = Executables.onPath("python3");
        Assumptions.assumeTrue(found.isPresent(), "python3 is not on PATH");
        python3 = found.get();
    }

    @Test
    void withTheRegistryUnreachable_theReplayIsUnavailableWithPipsReason_andItsClaimsInconclusive()
            throws Exception {
        PythonVenv venv =
                new PythonVenv(
                        tmp.resolve("venv"),
                        () -> Optional.of(python3),
                        Map.of(
                                "PIP_INDEX_URL", "http://127.0.0.1:9/simple",
                                "PIP_EXTRA_INDEX_URL", "",
                                "PIP_FIND_LINKS", "",
                                "PIP_CONFIG_FILE", "/dev/null",
                                "PIP_RETRIES", "0",
                                "PIP_TIMEOUT", "5"),
                        Duration.ofMinutes(3));

        SdkSource source = SdkReplayStep.run(tmp, new SdkReplayRunner(venv), SMALL, console());

        assertThat(source.replay()).isEmpty();
        assertThat(source.absentReason())
                .startsWith("pip could not install sdk-requirements.txt (exit 1)")
                .contains("openai==3.22.1");
        SdkSource reread = SdkReplay.read(tmp.resolve(RunFolder.PYTHON_SDK));
        assertThat(reread.absentReason()).isEqualTo(source.absentReason());
        assertThat(sdkSide(reread))
                .isNotEmpty()
                .allSatisfy(
                        r -> {
                            assertThat(r.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
                            assertThat(r.reason()).contains("pip could not install");
                        });
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("its claims are INCONCLUSIVE");
    }

    @Test
    void withAStandInSdk_everyPatternIsTimed_andFailuresConnectionsAndLoopsCounted()
            throws Exception {
        Path wrapper = standInPython();

        SdkSource source =
                SdkReplayStep.run(
                        tmp,
                        new SdkReplayRunner(out -> PythonVenv.Outcome.ready(wrapper)),
                        SMALL,
                        console());

        assertThat(source.absentReason()).isEmpty();
        SdkReplay replay = source.replay().orElseThrow();
        assertThat(replay.patterns().keySet())
                .containsExactly(
                        "raw_http",
                        "direct",
                        "seed_literal",
                        "loop_cached_client",
                        "loop_fresh_client",
                        "async_native");
        int calls = SMALL.forks() * SMALL.rounds() * SMALL.block();
        replay.patterns().values().forEach(p -> assertThat(p.calls()).isEqualTo(calls));

        SdkReplay.Pattern before = replay.patterns().get("loop_cached_client");
        assertThat(before.failures()).isEqualTo(calls / 2);
        assertThat(before.errors()).containsOnlyKeys("RuntimeError: Event loop is closed");
        assertThat(before.connections()).isEqualTo(calls / 2);
        assertThat(before.loops()).isEqualTo(calls);

        SdkReplay.Pattern fresh = replay.patterns().get("loop_fresh_client");
        assertThat(fresh.failures()).isZero();
        assertThat(fresh.connections()).isEqualTo(calls);

        assertThat(replay.patterns().get("direct").loops()).isZero();
        assertThat(replay.patterns().get("seed_literal").loops()).isEqualTo(calls);
        // direct and seed_literal share one cached sync client: one connection per process
        assertThat(
                        replay.patterns().get("direct").connections()
                                + replay.patterns().get("seed_literal").connections())
                .isEqualTo(SMALL.forks());
        assertThat(replay.patterns().get("async_native").connections()).isEqualTo(SMALL.forks());
        assertThat(replay.patterns().get("raw_http").connections()).isEqualTo(SMALL.forks());
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("| `loop_cached_client` |")
                .contains("**" + calls / 2 + "** (RuntimeError: Event loop is closed)");

        List<ClaimResult> sdk = sdkSide(source);
        assertThat(status(sdk, "before-completes-every-call", "")).isEqualTo(ClaimStatus.FAILS);
        assertThat(status(sdk, "after-no-loop-per-call", "DIRECT")).isEqualTo(ClaimStatus.HOLDS);
        assertThat(status(sdk, "after-no-loop-per-call", "SEED_LITERAL"))
                .isEqualTo(ClaimStatus.FAILS);
        ClaimResult wrapperCost = find(sdk, "wrapper-overhead-1.1ms", "");
        assertThat(wrapperCost.status()).isEqualTo(ClaimStatus.FAILS);
        assertThat(wrapperCost.reason()).contains("cannot be said to cost its time");
    }

    /** A {@code python} that runs python3 with the stand-in SDK first on its module path. */
    private Path standInPython() throws Exception {
        Path sdk = resource("/fake-sdk");
        Path wrapper = tmp.resolve("python");
        Files.writeString(
                wrapper,
                "#!/bin/sh\nPYTHONPATH='"
                        + sdk
                        + "'\nexport PYTHONPATH\nexec '"
                        + python3
                        + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SdkReplayRunnerTest.class.getResource(name).toURI());
    }

    private PrintStream console() {
        return new PrintStream(log, true, StandardCharsets.UTF_8);
    }

    private static List<ClaimResult> sdkSide(SdkSource sdk) {
        RunFolder folder = RunFolder.of(Fixtures.jmh("current"));
        JmhRun run = folder.readRun();
        ClaimsResult r =
                new ClaimChecker(BootstrapSettings.DEFAULT)
                        .check(
                                new ClaimsFileReader().read(Fixtures.projectClaims()),
                                run,
                                folder.readEnvironment(run),
                                PythonSource.absent("not needed here"),
                                sdk);
        return r.results().stream().filter(c -> c.side() == Side.PYTHON_SDK).toList();
    }

    private static ClaimResult find(List<ClaimResult> results, String id, String subject) {
        return results.stream()
                .filter(c -> c.claim().id().equals(id) && c.subject().equals(subject))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + id + " " + subject));
    }

    private static ClaimStatus status(List<ClaimResult> results, String id, String subject) {
        return find(results, id, subject).status();
    }
}
