package dev.dualpath.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.conformance.result.PathResult;
import dev.dualpath.conformance.result.ScenarioResult;
import dev.dualpath.conformance.result.Verdict;
import dev.dualpath.conformance.scenario.Scenario;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import dev.dualpath.testkit.ErrorOutcome;
import dev.dualpath.testkit.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Declared divergences apply per cell: excused, stale, or a failure the entry does not cover. */
class CellVerdictsTest {

    private static final Scenario MINIMAL = ScenarioCatalog.load().find("minimal").orElseThrow();

    private static PathResult cell(String path, int attempts, String... mismatches) {
        Outcome outcome =
                new Outcome(
                        null,
                        new ErrorOutcome(
                                "ConnectionFailureException",
                                ErrorDetails.noResponse("connection failed", "id", true),
                                null,
                                null,
                                null),
                        attempts,
                        List.of());
        return new PathResult(
                path,
                mismatches.length == 0 ? Verdict.PASS : Verdict.FAIL,
                null,
                List.of(outcome),
                attempts,
                List.of(mismatches),
                List.of(),
                null,
                Duration.ZERO);
    }

    private static ExpectedDivergences declare(String... paths) {
        return ExpectedDivergences.of(
                "test",
                List.of(new ExpectedDivergences.Entry("minimal", List.of(paths), "o", "r")));
    }

    private static Verdict verdict(ScenarioResult r, String path) {
        return r.path(path).orElseThrow().verdict();
    }

    @Test
    void allAgreeAndMatch_passes() {
        ScenarioResult r =
                CellVerdicts.judge(
                        MINIMAL, List.of(cell("a", 1), cell("b", 1)), ExpectedDivergences.NONE);

        assertThat(r.agreement()).isEqualTo(Verdict.PASS);
        assertThat(r.paths()).allMatch(p -> p.verdict() == Verdict.PASS);
        assertThat(r.failed()).isFalse();
    }

    @Test
    void aDeclaredCellThatFails_isExcused_andOnlyThatCell() {
        ScenarioResult r =
                CellVerdicts.judge(
                        MINIMAL,
                        List.of(cell("a", 1), cell("b", 1, "error.class: X vs Y")),
                        declare("b"));

        assertThat(verdict(r, "a")).isEqualTo(Verdict.PASS);
        assertThat(verdict(r, "b")).isEqualTo(Verdict.DIVERGED);
        assertThat(r.path("b").orElseThrow().excuse()).isEqualTo("o — r");
        assertThat(r.failed()).isFalse();
        assertThat(r.excused()).isTrue();
    }

    @Test
    void aFailureOnAPathTheEntryDoesNotName_fails() {
        ScenarioResult r =
                CellVerdicts.judge(
                        MINIMAL,
                        List.of(cell("a", 1, "error.class: X vs Y"), cell("b", 1, "x")),
                        declare("b"));

        assertThat(verdict(r, "a")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(r, "b")).isEqualTo(Verdict.DIVERGED);
        assertThat(r.failed()).isTrue();
    }

    @Test
    void aDeclaredCellThatNoLongerDeparts_isStale_andFails() {
        ScenarioResult r =
                CellVerdicts.judge(MINIMAL, List.of(cell("a", 1), cell("b", 1)), declare("b"));

        assertThat(verdict(r, "b")).isEqualTo(Verdict.STALE);
        assertThat(r.failed()).isTrue();
    }

    @Test
    void anIntermittentEntry_excusesADeparture_andPassesACleanRun() {
        ExpectedDivergences intermittent =
                ExpectedDivergences.of(
                        "test",
                        List.of(
                                new ExpectedDivergences.Entry(
                                        "minimal", List.of("b"), "o", "r", true)));

        ScenarioResult departed =
                CellVerdicts.judge(
                        MINIMAL,
                        List.of(cell("a", 1), cell("b", 1, "chunks: 2 vs 1")),
                        intermittent);
        ScenarioResult clean =
                CellVerdicts.judge(MINIMAL, List.of(cell("a", 1), cell("b", 1)), intermittent);

        assertThat(verdict(departed, "b")).isEqualTo(Verdict.DIVERGED);
        assertThat(verdict(clean, "b")).isEqualTo(Verdict.PASS);
        assertThat(clean.failed()).isFalse();
    }

    @Test
    void anEntryForASkippedCell_isStale() {
        ScenarioResult r =
                CellVerdicts.judge(
                        MINIMAL,
                        List.of(cell("a", 1), PathResult.skipped("b", "no handle")),
                        declare("b"));

        assertThat(verdict(r, "b")).isEqualTo(Verdict.STALE);
    }

    /**
     * Paths that meet their (partial) expectation but disagree: the odd one out fails, named
     * against the majority, unless declared, when it is excused and the agreement is DIVERGED.
     */
    @Test
    void theOddPathOut_failsAgainstTheMajority_orIsExcusedWhenDeclared() {
        List<PathResult> cells = List.of(cell("a", 2), cell("b", 1), cell("c", 1));

        ScenarioResult undeclared = CellVerdicts.judge(MINIMAL, cells, ExpectedDivergences.NONE);
        assertThat(verdict(undeclared, "a")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(undeclared, "b")).isEqualTo(Verdict.PASS);
        assertThat(undeclared.agreement()).isEqualTo(Verdict.FAIL);
        assertThat(undeclared.path("a").orElseThrow().mismatches())
                .anyMatch(m -> m.startsWith("disagrees with b (one of 2 paths that agree)"));

        ScenarioResult declared = CellVerdicts.judge(MINIMAL, cells, declare("a"));
        assertThat(verdict(declared, "a")).isEqualTo(Verdict.DIVERGED);
        assertThat(declared.agreement()).isEqualTo(Verdict.DIVERGED);
        assertThat(declared.failed()).isFalse();
    }
}
