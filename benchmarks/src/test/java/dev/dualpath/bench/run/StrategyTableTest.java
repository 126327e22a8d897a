package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StrategyTableTest {

    private static final JmhRun RUN = read("/strategy/jmh.json");

    private final String md =
            new StrategyTable(new Bootstrap(new BootstrapSettings(1_000, 0.95, 42L))).markdown(RUN);

    @Test
    void header_hasTheStubColumn_afterBytesPerOp() {
        assertThat(md).contains("| B/op | stub µs/call | overhead over raw");
        assertThat(md).contains("|---|---:|---:|---:|---:|---:|---:|---|---|");
    }

    @Test
    void rowWithStubServiceNorm_showsItsScore() {
        assertThat(section("LoopbackLatencyBenchmark.call"))
                .contains("| RAW_BLOCKING | 2 | 187.5 | ")
                .contains(" | 60000.0 | 62.000 | ")
                .contains(" | 62000.0 | 71.000 | ");
    }

    @Test
    void rowWithoutStubServiceNorm_showsADash_andNoNote() {
        String inMemory = section("InMemoryOverheadBenchmark.call");

        assertThat(inMemory).contains("| RAW_BLOCKING | 2 | 1.000 | 1.000 | 1.100 | 480.0 | — | ");
        assertThat(inMemory).doesNotContain("stub µs/call: ");
    }

    /** The in-memory rows' forks saw 1 CPU, the loopback RAW_BLOCKING row's 2 (fork.cpus). */
    @Test
    void forksThatSawOneCpu_areSaidToHaveRunOnOne_andNoOthers() {
        assertThat(section("InMemoryOverheadBenchmark.call"))
                .contains("On one CPU (the fork's JVM saw 1 CPU): every path.");
        assertThat(section("LoopbackLatencyBenchmark.call")).doesNotContain("On one CPU");
    }

    @Test
    void sectionWithTheStubColumn_explainsItUnderTheTable() {
        assertThat(section("LoopbackLatencyBenchmark.call"))
                .contains("stub µs/call: the stub's own service time per call")
                .contains("− the injected delay − this");
    }

    @Test
    void seriesThatRanInTheSameRounds_arePairedByRound() {
        // Each round moved both paths alike (1.0 to 2.0 µs); DIRECT adds 0.5 µs in every round.
        dev.dualpath.bench.verdict.jmh.BenchmarkId rawId = id("RAW_BLOCKING");
        dev.dualpath.bench.verdict.jmh.BenchmarkId directId = id("DIRECT");
        JmhRun run =
                new JmhRun(
                        Path.of("jmh.json"),
                        java.util.List.of(
                                forks(rawId, 1.0, 2.0, 1.1, 1.9),
                                forks(directId, 1.5, 2.5, 1.6, 2.4)),
                        "synthetic");
        dev.dualpath.bench.verdict.jmh.ForkRounds rounds =
                new dev.dualpath.bench.verdict.jmh.ForkRounds(
                        1,
                        java.util.List.of(
                                new dev.dualpath.bench.verdict.jmh.ForkRounds.Plan(
                                        "p",
                                        java.util.Collections.nCopies(
                                                4, java.util.List.of(rawId, directId)))));
        StrategyTable table =
                new StrategyTable(new Bootstrap(new BootstrapSettings(1_000, 0.95, 42L)));

        String paired = table.markdown(new RunIndex(run, rounds));
        String unpaired = table.markdown(run);

        assertThat(paired).contains("| DIRECT | 4 | 2.000 |").contains("+0.500 [+0.500, +0.500]");
        assertThat(unpaired)
                .contains("| DIRECT | 4 | 2.000 |")
                .doesNotContain("+0.500 [+0.500, +0.500]");
    }

    @Test
    void aForkMeasuredOnADisturbedMachine_isSetAsideFromTheOverhead_everyForkShownBeside() {
        // A thread-per-call wrapper: three forks agree, the fourth ran 1.6x while another process
        // kept most of a CPU busy (machine.foreign).
        dev.dualpath.bench.verdict.jmh.BenchmarkId rawId = id("RAW_BLOCKING");
        dev.dualpath.bench.verdict.jmh.BenchmarkId loopId = id("LOOP_PER_CALL");
        java.util.List<dev.dualpath.bench.verdict.jmh.Measurement> ms =
                new java.util.ArrayList<>(
                        java.util.List.of(
                                forks(rawId, 0.3, 0.3, 0.3),
                                forks(loopId, 170, 168, 270, 172),
                                forks(rawId.withSecondary("machine.foreign"), 0, 0, 0),
                                forks(loopId.withSecondary("machine.foreign"), 0, 0, 0.9, 0)));
        JmhRun run = new JmhRun(Path.of("jmh.json"), ms, "synthetic");

        String table =
                new StrategyTable(new Bootstrap(new BootstrapSettings(1_000, 0.95, 42L)))
                        .markdown(run);

        assertThat(table)
                .contains("| LOOP_PER_CALL | 4 | 195.0 |")
                // 170, 168, 172 less 0.3: +169.7; every fork: +194.7.
                .contains("+169.7 [")
                .contains(StrategyTable.SET_ASIDE_MARK + " (every fork: +194.7 [")
                .contains(StrategyTable.SET_ASIDE_NOTE);
    }

    /** A synthetic series' id, {@code a.B.call} in average time, at {@code path}. */
    private static dev.dualpath.bench.verdict.jmh.BenchmarkId id(String path) {
        return dev.dualpath.bench.verdict.jmh.BenchmarkId.primary(
                "a.B.call", "avgt", java.util.Map.of("path", path));
    }

    private static dev.dualpath.bench.verdict.jmh.Measurement forks(
            dev.dualpath.bench.verdict.jmh.BenchmarkId id, double... means) {
        java.util.List<java.util.List<Double>> raw =
                java.util.Arrays.stream(means).mapToObj(m -> java.util.List.of(m)).toList();
        return new dev.dualpath.bench.verdict.jmh.Measurement(
                id,
                "us/op",
                1,
                means.length,
                java.util.Arrays.stream(means).average().orElseThrow(),
                Double.NaN,
                java.util.Map.of(),
                raw,
                java.util.List.of());
    }

    /** The text from the heading of {@code benchmark}'s section to the next heading. */
    private String section(String benchmark) {
        int start = md.indexOf("### " + benchmark);
        assertThat(start).as("section for " + benchmark).isNotNegative();
        int end = md.indexOf("### ", start + 4);
        return end < 0 ? md.substring(start) : md.substring(start, end);
    }

    private static JmhRun read(String resource) {
        try {
            return new JmhResultReader()
                    .read(Path.of(StrategyTableTest.class.getResource(resource).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
