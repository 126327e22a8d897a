package dev.dualpath.bench.verdict.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.verdict.Fixtures;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.ForkRounds;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.jmh.RunFolder;
import dev.dualpath.bench.verdict.machine.RunDisturbance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Claims on the Java and Python sides of a JMH run: when they hold, fail or stay inconclusive; how
 * interleaved rounds, params the run never recorded, the run's profile, paths the conformance step
 * refused and a disturbed machine shape the verdict; errors in a claims file; and the project's own
 * claims file. The python-sdk side is in {@link ClaimCheckerSdkTest}.
 */
class ClaimCheckerTest extends ClaimCheckerFixtures {

    private static final String IM = "dev.dualpath.bench.InMemoryOverheadBenchmark.call";

    private ClaimsFile claims(String kind, double target, String tolerance, String javaExtra)
            throws IOException {
        Path file = tmp.resolve("claims.json");
        Files.writeString(
                file,
                """
                {"schemaVersion": 1, "subjects": {"DIRECT": {"path": "DIRECT", "series": "direct_call"}},
                 "claims": [{"id": "c", "source": "quote", "statement": "s", "kind": "%s", "target": %s,
                   "tolerance": %s, "unit": "ms", "subjects": ["DIRECT"],
                   "java": {"quantities": {"w": {"benchmark": "%s", "mode": "avgt", "params": {"path": "LOOP_PER_CALL"}},
                                           "s": {"benchmark": "%s", "params": {"path": "${path}"}}},
                            "expression": "w - s" %s},
                   "python": {"quantities": {"w": {"series": "loop_total"}, "s": {"series": "${series}"}}, "expression": "w - s"}}]}
                """
                        .formatted(kind, target, tolerance, IM, IM, javaExtra));
        return new ClaimsFileReader().read(file);
    }

    /** {@code c}'s file with {@code from} replaced by {@code to}, read again. */
    private static ClaimsFile edited(ClaimsFile c, String from, String to) throws IOException {
        String text = Files.readString(c.file());
        if (!text.contains(from)) throw new IllegalArgumentException("not in the file: " + from);
        Files.writeString(c.file(), text.replace(from, to));
        return new ClaimsFileReader().read(c.file());
    }

    @Test
    void aClaimTheWholeIntervalSatisfiesHolds() throws IOException {
        ClaimsResult r = checker.check(claims("at_least", 0.03, "{}", ""), run, env, python);
        assertThat(r.results())
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(ClaimStatus.HOLDS));
        assertThat(r.results())
                .extracting(ClaimResult::side)
                .containsExactly(Side.JAVA, Side.PYTHON);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aClaimTheWholeIntervalContradictsFails() throws IOException {
        ClaimsResult r =
                checker.check(claims("at_most", 0.01, "{\"relative\": 0.5}", ""), run, env, python);
        assertThat(r.results())
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(ClaimStatus.FAILS));
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void anIntervalStraddlingTheBoundIsInconclusive() throws IOException {
        ClaimResult java =
                checker.check(
                                claims("approx", 0.2548, "{\"absolute\": 0.0005}", ""),
                                run,
                                env,
                                python)
                        .results()
                        .get(0);
        assertThat(java.side()).isEqualTo(Side.JAVA);
        assertThat(java.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
        assertThat(java.value().isDefined()).isTrue();
        assertThat(java.reason()).containsPattern("about \\d+ forks per series would decide it");
    }

    @Test
    void quantitiesFromOnePlansRounds_arePairedByRound_andSaySo() throws IOException {
        Path runDir = Files.createDirectories(tmp.resolve("run"));
        Files.copy(folder.jmhJson(), runDir.resolve(RunFolder.JMH_JSON));
        JmhRun copied = RunFolder.of(runDir).readRun();
        ClaimsFile c = claims("approx", 0.2548, "{\"absolute\": 0.0005}", "");
        ClaimResult unpaired = checker.check(c, copied, env, python).results().get(0);
        BenchmarkId w = BenchmarkId.primary(IM, "avgt", java.util.Map.of("path", "LOOP_PER_CALL"));
        BenchmarkId d = BenchmarkId.primary(IM, "avgt", java.util.Map.of("path", "DIRECT"));
        new ForkRounds(
                        1,
                        List.of(
                                new ForkRounds.Plan(
                                        "in-memory",
                                        List.of(List.of(w, d), List.of(d, w), List.of(w, d)))))
                .write(runDir.resolve(RunFolder.ROUNDS_JSON));

        ClaimResult paired = checker.check(c, copied, env, python).results().get(0);

        assertThat(paired.inputs())
                .allSatisfy(i -> assertThat(i.basis()).isEqualTo("forks, paired by round"));
        assertThat(unpaired.inputs()).allSatisfy(i -> assertThat(i.basis()).isEqualTo("forks"));
        assertThat(paired.value().point()).isEqualTo(unpaired.value().point());
        assertThat(paired.value()).isNotEqualTo(unpaired.value());
        assertThat(paired.reason()).contains("(interleaved rounds: run --forks ");
    }

    @Test
    void withoutThePythonReplayThePythonSideIsInconclusiveWithTheReason() throws IOException {
        ClaimsResult r =
                checker.check(
                        claims("at_least", 0.03, "{}", ""),
                        run,
                        env,
                        PythonSource.absent("python replay not present: x"));
        ClaimResult py = r.results().get(1);
        assertThat(py.side()).isEqualTo(Side.PYTHON);
        assertThat(py.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
        assertThat(py.reason()).isEqualTo("python replay not present: x");
    }

    @Test
    void aParamTheRunNeverRecorded_doesNotFilter_andTheSourceSaysSo() throws IOException {
        ClaimsFile c =
                edited(
                        claims("at_least", 0.03, "{}", ""),
                        "\"params\": {\"path\": \"LOOP_PER_CALL\"}",
                        "\"params\": {\"path\": \"LOOP_PER_CALL\", \"bodyBytes\": \"1171\"}");
        ClaimResult java = checker.check(c, run, env, python).results().get(0);

        assertThat(java.status()).isEqualTo(ClaimStatus.HOLDS);
        assertThat(java.inputs().get(0).source()).endsWith("(the run predates bodyBytes)");
    }

    @Test
    void aSeriesOfTheFullProfileIsNotMeasuredInAQuickRun_notInconclusive() throws IOException {
        ClaimsFile c = claims("at_least", 0.03, "{}", ", \"requiresProfile\": \"full\"");
        String text =
                Files.readString(c.file())
                        .replace(
                                "\"benchmark\": \""
                                        + IM
                                        + "\", \"mode\": \"avgt\", \"params\": {\"path\":"
                                        + " \"LOOP_PER_CALL\"}",
                                "\"benchmark\":"
                                        + " \"dev.dualpath.bench.LoopbackLatencyBenchmark.call\","
                                        + " \"params\": {\"path\": \"LOOP_PER_CALL\", \"delayMs\":"
                                        + " \"1500\"}");
        Files.writeString(c.file(), text);
        ClaimResult java =
                checker.check(new ClaimsFileReader().read(c.file()), run, env, python)
                        .results()
                        .get(0);
        assertThat(java.side()).isEqualTo(Side.JAVA);
        assertThat(java.status()).isEqualTo(ClaimStatus.NOT_MEASURED);
        assertThat(java.status().exitCode()).isZero();
        assertThat(java.reason()).contains("needs the 'full' profile (run profile: quick)");
    }

    @Test
    void aPathTheConformanceStepRefusedIsInconclusiveWithItsReason_andABadFileIsNamed()
            throws IOException {
        Path runDir = Files.createDirectories(tmp.resolve("run"));
        Files.copy(folder.jmhJson(), runDir.resolve(RunFolder.JMH_JSON));
        JmhRun copied = RunFolder.of(runDir).readRun();
        ClaimsFile c = claims("at_least", 0.03, "{}", "");
        Files.writeString(
                c.file(),
                Files.readString(c.file())
                        .replace("\"path\": \"LOOP_PER_CALL\"", "\"path\": \"CLIENT_PER_CALL\""));
        ClaimsFile onRefused = new ClaimsFileReader().read(c.file());
        Files.writeString(
                runDir.resolve(RunFolder.REFUSED_JSON),
                "{\"refused\": {\"CLIENT_PER_CALL\": \"jdk/CLIENT_PER_CALL:"
                        + " stream-cancel-mid-stream\"}}");

        ClaimResult java = checker.check(onRefused, copied, env, python).results().get(0);

        assertThat(java.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
        assertThat(java.reason())
                .contains(
                        "refused to benchmark CLIENT_PER_CALL: jdk/CLIENT_PER_CALL:"
                                + " stream-cancel-mid-stream");

        Files.writeString(runDir.resolve(RunFolder.REFUSED_JSON), "{\"refused\": {\"X\": 1}}");
        assertThatThrownBy(() -> checker.check(onRefused, copied, env, python))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(RunFolder.REFUSED_JSON)
                .hasMessageContaining("refused.X");
    }

    /** The run with the wrapper's every fork beside another process using a whole CPU. */
    private JmhRun wrapperDisturbed() {
        Measurement w =
                run.measurements().stream()
                        .filter(m -> m.id().benchmark().equals(IM))
                        .filter(m -> m.id().secondary() == null)
                        .filter(m -> "LOOP_PER_CALL".equals(m.id().params().get("path")))
                        .findFirst()
                        .orElseThrow();
        List<List<Double>> busy = w.rawDataPerFork().stream().map(f -> List.of(1.1, 1.1)).toList();
        List<Measurement> all = new java.util.ArrayList<>(run.measurements());
        all.add(
                new Measurement(
                        w.id().withSecondary(RunDisturbance.FOREIGN),
                        "cpus",
                        1,
                        busy.size(),
                        1.1,
                        Double.NaN,
                        java.util.Map.of(),
                        busy,
                        List.of()));
        return new JmhRun(run.file(), all, "synthetic");
    }

    /** The Java side of {@code c} on {@link #wrapperDisturbed()}. */
    private ClaimResult javaOnDisturbedWrapper(ClaimsFile c) {
        return checker.check(c, wrapperDisturbed(), env, python).results().get(0);
    }

    @Test
    void aClaimOnSeriesMeasuredOnADisturbedMachine_isNotJudged() throws IOException {
        // At least 0.03 ms: the disturbance may be what made the wrapper that slow.
        ClaimResult java = javaOnDisturbedWrapper(claims("at_least", 0.03, "{}", ""));

        assertThat(java.side()).isEqualTo(Side.JAVA);
        assertThat(java.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
        assertThat(java.reason())
                .contains("not judged: ")
                .contains("forks measured on a disturbed machine")
                .contains("other processes used 1.10 CPUs")
                .contains("either verdict remains possible");
    }

    @Test
    void aVerdictTheDisturbanceCannotHaveProduced_isJudged_andSaysWhy() throws IOException {
        // At most 10 ms: a disturbance only adds time, so a wrapper measured well under it with
        // every fork disturbed is under it whatever the disturbance cost.
        ClaimResult java = javaOnDisturbedWrapper(claims("at_most", 10, "{}", ""));

        assertThat(java.status()).isEqualTo(ClaimStatus.HOLDS);
        assertThat(java.reason())
                .startsWith("judged with ")
                .contains("disturbed forks taken anywhere from 0 to their measured time")
                .contains("other processes used 1.10 CPUs");
    }

    @Test
    void aDisturbedQuantityThatIsNotATime_isNotBounded() throws IOException {
        // Bytes per call need not grow with a disturbance, so no bound on them can be assumed.
        ClaimsFile bytes =
                edited(
                        claims("at_most", 1e9, "{}", ""),
                        "\"params\": {\"path\": \"LOOP_PER_CALL\"}}",
                        "\"params\": {\"path\": \"LOOP_PER_CALL\"}, \"secondary\":"
                                + " \"gc.alloc.rate.norm\"}");
        ClaimResult java = javaOnDisturbedWrapper(bytes);

        assertThat(java.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
        assertThat(java.reason()).contains("not judged: ").doesNotContain("anywhere from 0");
    }

    @Test
    void anUnknownBenchmarkIsAnInputErrorNamingFileAndField() throws IOException {
        ClaimsFile c = claims("at_least", 0.03, "{}", "");
        Files.writeString(
                c.file(),
                Files.readString(c.file())
                        .replaceFirst("InMemoryOverheadBenchmark", "NoSuchBenchmark"));
        ClaimsFile bad = new ClaimsFileReader().read(c.file());
        assertThatThrownBy(() -> checker.check(bad, run, env, python))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("claims.json")
                .hasMessageContaining("claims[0].java.quantities.w.benchmark")
                .hasMessageContaining("NoSuchBenchmark");
    }

    @Test
    void malformedClaimsJsonIsAnInputError() throws IOException {
        Path file = tmp.resolve("broken.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"claims\": [");
        assertThatThrownBy(() -> new ClaimsFileReader().read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void anExpressionNamingAnUndeclaredQuantityNamesTheField() throws IOException {
        ClaimsFile c = claims("at_least", 0.03, "{}", "");
        Files.writeString(
                c.file(), Files.readString(c.file()).replaceFirst("\"w - s\"", "\"w - x\""));
        assertThatThrownBy(() -> new ClaimsFileReader().read(c.file()))
                .isInstanceOf(InputException.class)
                .satisfies(
                        e ->
                                assertThat(((InputException) e).field())
                                        .isEqualTo("claims[0].java.expression"));
    }

    @Test
    void theProjectClaimsFileChecksBothSubjectsOnBothSides() {
        ClaimsFile project = new ClaimsFileReader().read(Fixtures.projectClaims());
        ClaimsResult r = checker.check(project, run, env, python);
        assertThat(r.results())
                .anySatisfy(
                        c -> {
                            assertThat(c.claim().id()).isEqualTo("sync-overhead-100x");
                            assertThat(c.subject()).isEqualTo("SEED_LITERAL");
                            assertThat(c.side()).isEqualTo(Side.JAVA);
                            assertThat(c.status()).isEqualTo(ClaimStatus.FAILS);
                        });
        assertThat(r.results())
                .anySatisfy(
                        c -> {
                            assertThat(c.claim().id()).isEqualTo("sync-overhead-100x");
                            assertThat(c.subject()).isEqualTo("DIRECT");
                            assertThat(c.side()).isEqualTo(Side.PYTHON);
                            assertThat(c.status()).isEqualTo(ClaimStatus.HOLDS);
                        });
        // Measured at 1500 ms: only the full profile measures them, so a quick run does not.
        assertThat(r.results())
                .filteredOn(
                        c ->
                                c.claim().id().matches("gain-1500ms-(jdk|apache)")
                                        && c.side() == Side.JAVA)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(ClaimStatus.NOT_MEASURED));
        // The same gain as arithmetic from the in-memory overheads: decided by a quick run.
        assertThat(r.results())
                .filteredOn(c -> c.claim().id().equals("gain-1500ms-arithmetic"))
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.status()).isNotEqualTo(ClaimStatus.INCONCLUSIVE));
    }
}
