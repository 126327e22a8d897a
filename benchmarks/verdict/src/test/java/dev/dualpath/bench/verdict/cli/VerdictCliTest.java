package dev.dualpath.bench.verdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class VerdictCliTest {

    @TempDir Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new VerdictCli());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /**
     * {@code gate} of the fixture run "current" against the fixture "baseline", and more options.
     */
    private int gateFixtures(String... more) {
        String[] args = {"gate", "--baseline", fx("baseline"), "--current", fx("current")};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return run(all);
    }

    private static String fx(String p) {
        return Fixtures.jmh(p).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gate", "claims", "report", "evidence", "spread"})
    void everyCommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: dualpath-verdict " + command)
                .contains("Exit codes");
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: dualpath-verdict");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("gate", "--baseline", "a", "--current", "b", "--bogus")).isEqualTo(2);
    }

    @Test
    void gateExitsOneOnARegression() {
        assertThat(gateFixtures()).isEqualTo(1);
        // The +10 % allocation regression has no noise: it FAILs even after the family-wise
        // correction.
        assertThat(out.toString())
                .contains(
                        "| FAIL | InMemoryOverheadBenchmark.call [avgt] {path=SHARED_LOOP}"
                                + " :gc.alloc.rate.norm");
    }

    /** {@code gate} and {@code report} take the same per-benchmark minimum effects. */
    @ParameterizedTest
    @ValueSource(strings = {"gate", "report"})
    void aPerBenchmarkMinimumEffectAboveTheChangeTakesTheFailAway(String command) {
        String sideOption = command.equals("gate") ? "--current" : "--run";
        String failRow =
                "| FAIL | InMemoryOverheadBenchmark.call [avgt] {path=SHARED_LOOP}"
                        + " :gc.alloc.rate.norm";

        run(command, "--baseline", fx("baseline"), sideOption, fx("current"));
        assertThat(out.toString()).contains(failRow);

        out.getBuffer().setLength(0);
        run(
                command,
                "--baseline",
                fx("baseline"),
                sideOption,
                fx("current"),
                "--min-effect-for",
                "SHARED_LOOP=0.5");
        assertThat(out.toString()).contains("gc.alloc.rate.norm").doesNotContain(failRow);
    }

    @Test
    void gateOfARunAgainstItselfExitsZero() {
        assertThat(run("gate", "--baseline", fx("current"), "--current", fx("current/jmh.json")))
                .isZero();
        assertThat(out.toString()).contains("0 FAIL");
    }

    /**
     * A baseline recorded with idle CPUs kept from halting, gated against a run without: the gate
     * still judges, and says, in the report and on stderr, that the machine differed.
     */
    @Test
    void aBaselineRecordedWithTheCpusAwake_isCautioned_whenTheRunWasNot() throws IOException {
        Path base = Files.createDirectories(tmp.resolve("base"));
        Path cur = Files.createDirectories(tmp.resolve("cur"));
        Files.copy(Fixtures.jmh("current/jmh.json"), base.resolve("jmh.json"));
        Files.copy(Fixtures.jmh("current/jmh.json"), cur.resolve("jmh.json"));
        Files.writeString(
                base.resolve("env.json"),
                "{\"cpuWake\": \"held: /dev/cpu_dma_latency at 0 µs for the whole run\"}");
        Files.writeString(
                cur.resolve("env.json"),
                "{\"cpuWake\": \"not held: not asked for (--keep-cpus-awake)\"}");

        assertThat(run("gate", "--baseline", base.toString(), "--current", cur.toString()))
                .isZero();

        assertThat(out.toString())
                .contains("| Idle CPUs | not held: not asked for (--keep-cpus-awake) |")
                .contains("**Caution:** the baseline ran with idle CPUs kept from halting");
        assertThat(err.toString()).contains("caution: the baseline ran with idle CPUs");

        Files.writeString(
                cur.resolve("env.json"),
                "{\"cpuWake\": \"held: /dev/cpu_dma_latency at 0 µs for the whole run\"}");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(run("gate", "--baseline", base.toString(), "--current", cur.toString()))
                .isZero();
        assertThat(out.toString()).doesNotContain("Caution");
        assertThat(err.toString()).doesNotContain("caution");
    }

    /**
     * The spread of three runs, written beside a baseline, is what a gate against that baseline
     * adds by default; {@code --run-spread none} judges on forks alone.
     */
    @Test
    void aSpreadBesideTheBaselineIsAddedByDefault_andNoneTurnsItOff() throws IOException {
        Path base = Files.createDirectories(tmp.resolve("base"));
        Files.copy(Fixtures.jmh("baseline/jmh.json"), base.resolve("jmh.json"));
        Path spread = base.resolve("run-spread.json");

        assertThat(
                        run(
                                "spread",
                                fx("baseline"),
                                fx("current"),
                                fx("baseline/jmh.json"),
                                "--out",
                                spread.toString()))
                .isZero();
        assertThat(spread).exists();
        assertThat(out.toString()).contains("| series | runs | run-to-run spread (1 sd) |");

        out.getBuffer().setLength(0);
        run("gate", "--baseline", base.toString(), "--current", fx("current"));
        assertThat(out.toString()).contains("Judged against a baseline from another occasion");

        out.getBuffer().setLength(0);
        run(
                "gate",
                "--baseline",
                base.toString(),
                "--current",
                fx("current"),
                "--run-spread",
                "none");
        assertThat(out.toString())
                .doesNotContain("Judged against a baseline from another occasion");
    }

    @Test
    void aMalformedSpreadIsExitTwoNamingFileAndField() throws IOException {
        Path bad =
                Files.writeString(
                        tmp.resolve("spread.json"),
                        "{\"runs\": [], \"series\": {\"X.call [avgt]\": {\"logSd\": -1,"
                                + " \"runs\": 5}}}");

        assertThat(gateFixtures("--run-spread", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("spread.json").contains("series.X.call [avgt]");
    }

    @Test
    void aSpreadNeedsThreeRuns() {
        assertThat(
                        run(
                                "spread",
                                fx("baseline"),
                                fx("current"),
                                "--out",
                                tmp.resolve("s").toString()))
                .isEqualTo(2);
    }

    @Test
    void aMissingRunIsAnInputErrorNamingThePath() {
        Path missing = tmp.resolve("nowhere");
        assertThat(run("gate", "--baseline", missing.toString(), "--current", fx("current")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("nowhere").contains("no such run folder");
    }

    @Test
    void aFolderWithoutJmhJsonNamesTheExpectedFile() {
        assertThat(
                        run(
                                "claims",
                                "--run",
                                tmp.toString(),
                                "--claims",
                                Fixtures.projectClaims().toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains(tmp.toString()).contains("jmh.json");
    }

    @Test
    void aClaimNamingAnUnknownBenchmarkExitsTwoNamingFileAndField() throws IOException {
        Path claims = tmp.resolve("claims.json");
        Files.writeString(
                claims,
                Files.readString(Fixtures.projectClaims())
                        .replace("InMemoryOverheadBenchmark", "Gone"));
        assertThat(run("claims", "--run", fx("current"), "--claims", claims.toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains(claims.toString())
                .contains("claims[0].java.quantities.wrapper.benchmark");
    }

    @Test
    void malformedClaimsJsonExitsTwo() throws IOException {
        Path claims = tmp.resolve("claims.json");
        Files.writeString(claims, "{ not json");
        assertThat(run("claims", "--run", fx("current"), "--claims", claims.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("claims.json").contains("malformed JSON");
    }

    @Test
    void failedClaimsExitOneAndAbsentPythonMakesThePythonSideInconclusive() {
        int code =
                run(
                        "claims",
                        "--run",
                        fx("current"),
                        "--claims",
                        Fixtures.projectClaims().toString(),
                        "--run-python",
                        "--python-executable",
                        tmp.resolve("no-python3").toString(),
                        "--python",
                        tmp.resolve("replay.json").toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString())
                .contains("| Python stdlib replay | INCONCLUSIVE |")
                .contains("python3 not found")
                .contains("| Python real SDK | INCONCLUSIVE |")
                .contains("real-SDK replay not present");
        assertThat(err.toString()).contains("warning: python3 not found");
    }

    @Test
    void claimsThatAllHoldExitZero() throws IOException {
        Path claims = tmp.resolve("ok.json");
        Files.writeString(
                claims,
                """
                {"schemaVersion": 1, "claims": [{"id": "wrapper-costs-more", "source": "q", "statement": "s",
                  "kind": "ratio_at_least", "target": 100, "unit": "x",
                  "java": {"quantities": {"w": {"benchmark": "dev.dualpath.bench.InMemoryOverheadBenchmark.call", "params": {"path": "LOOP_PER_CALL"}},
                                          "r": {"benchmark": "dev.dualpath.bench.InMemoryOverheadBenchmark.call", "params": {"path": "RAW_BLOCKING"}}},
                           "expression": "w / r"}}]}
                """);
        assertThat(run("claims", "--run", fx("current"), "--claims", claims.toString())).isZero();
        assertThat(out.toString()).contains("1 HOLDS");
    }

    @Test
    void reportWritesEveryFormat() {
        Path outDir = tmp.resolve("out");
        int code =
                run(
                        "report",
                        "--run",
                        fx("current"),
                        "--baseline",
                        fx("baseline"),
                        "--claims",
                        Fixtures.projectClaims().toString(),
                        "--out",
                        outDir.toString(),
                        "--resamples",
                        "1000");
        assertThat(code).isEqualTo(1);
        assertThat(outDir.resolve("report.md")).exists();
        assertThat(outDir.resolve("report.json")).exists();
        assertThat(outDir.resolve("junit.xml")).exists();
        assertThat(outDir.resolve("charts").resolve("percentiles.png")).exists();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(gateFixtures("--out", tmp.toString(), "--format", "pdf")).isEqualTo(2);
        assertThat(err.toString()).contains("--format").contains("pdf");
    }

    @Test
    void evidenceExitCodeFollowsItsVerdict() {
        int code = run("evidence", fx("aa10"), "--splits", "10", "--resamples", "1000");
        assertThat(code).isIn(0, 1);
        assertThat(out.toString())
                .contains(code == 0 ? "Gate evidence: PASSED" : "Gate evidence: NOT SHOWN")
                .contains("| Benchmark | Forks | A/A FAIL");
    }

    @Test
    void evidenceNeedsEnoughForks() {
        assertThat(run("evidence", fx("current"))).isEqualTo(2);
        assertThat(err.toString()).contains("forks").contains(">= 10");
    }

    /** Once, a run whose every score was "NaN" passed the gate with exit 0. */
    @Test
    void anAllNanRunIsExitTwoNamingFileAndSeries() throws IOException {
        Path nan = tmp.resolve("nan.json");
        String baseline = Files.readString(Fixtures.projectBaseline());
        Files.writeString(
                nan,
                baseline.replaceAll("(\"score\"\\s*:\\s*)[-0-9.eE]+", "$1\"NaN\"")
                        .replaceAll(
                                "(?<=[\\[,]\\s{0,40})-?[0-9]+\\.[0-9]+(?:[eE]-?[0-9]+)?(?=\\s*[\\],])",
                                "\"NaN\""));
        assertThat(
                        run(
                                "gate",
                                "--baseline",
                                Fixtures.projectBaseline().toString(),
                                "--current",
                                nan.toString(),
                                "--fail-on-missing"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("nan.json")
                .contains(
                        "InMemoryOverheadBenchmark.call [avgt] {bodyBytes=1171, path=RAW_BLOCKING}")
                .contains("not a finite number");
    }

    @Test
    void anUnknownSecondaryMetricIsAUsageError() {
        assertThat(
                        run(
                                "gate",
                                "--baseline",
                                fx("baseline"),
                                "--current",
                                fx("current"),
                                "--secondary",
                                "gc.alloc.rate.nrom"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--secondary")
                .contains("gc.alloc.rate.nrom")
                .contains("gc.alloc.rate.norm");
    }

    @Test
    void aNamedPythonReplayThatDoesNotExistIsExitTwo() {
        Path missing = tmp.resolve("no-such-replay.json");
        assertThat(
                        run(
                                "claims",
                                "--run",
                                fx("current"),
                                "--claims",
                                Fixtures.projectClaims().toString(),
                                "--python",
                                missing.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no-such-replay.json").contains("file not found");
    }
}
