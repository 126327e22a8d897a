package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.ForkRounds;
import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * The summary's sections on a synthetic run ({@code summary/jmh.json}, written by {@code
 * generate.py} beside it) whose figures can be checked by hand.
 */
class RunSummaryTest {

    private static final String MD =
            new RunSummary(new Bootstrap(new BootstrapSettings(1_000, 0.95, 42L)))
                    .markdown(read("/summary/jmh.json"), ForkRounds.NONE);

    @Test
    void floors_putEachPathBesideTheRawCallUnderIt_asARatioOfForkMedians() {
        String floors = section("What each path adds");

        assertThat(floors)
                .contains(
                        "| bodyBytes=1171, delayMs=0, stubMode=OUT_OF_PROCESS, transport=APACHE |"
                                + " 100.0 | 110.0 | 1.10x")
                .contains("| 150.0 | 165.0 | 1.10x")
                .contains("| 155.0 | 1.03x");
        assertThat(floors.lines().filter(l -> l.contains("stubMode=IN_PROCESS")))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("transport=APACHE | 160.0 | 240.0 | 1.50x")
                .as("no async path ran in process: five empty cells")
                .endsWith(" | — | — | — | — | — |");
    }

    /**
     * The synthetic pair's forks move together (floor 100–130 µs, path 1.09–1.11x of it in every
     * fork): resampling forks with both sides together gives a narrow interval, where treating the
     * sides apart would span about ±20 %.
     */
    @Test
    void pairedFloors_giveTheRatioOverForksWithBothSidesOfAForkTogether() {
        String paired = section("Each path beside its floor");

        assertThat(paired)
                .contains("pair=SHARED_LOOP_OVER_RAW_ASYNC")
                .contains("| 4 | 115.0 | 126.5 | 1.100x [");
        String interval = paired.substring(paired.indexOf("1.100x [") + "1.100x [".length());
        double lower = Double.parseDouble(interval.substring(0, interval.indexOf(',')));
        double upper =
                Double.parseDouble(
                        interval.substring(interval.indexOf(", ") + 2, interval.indexOf(']')));
        assertThat(lower).isBetween(1.05, 1.095);
        assertThat(upper).isBetween(1.105, 1.15);
    }

    @Test
    void stubModes_showBothModesOfTheSameCall_withTheStubsSpreadOverForks() {
        String modes = section("The stub in process against out of process");

        assertThat(modes)
                .contains(
                        "| bodyBytes=1171, delayMs=0, path=RAW_BLOCKING, transport=APACHE |"
                                + " IN_PROCESS | 2 | 160.0 | 160.0 | 160.0 | 80000.0 | 125.0"
                                + " [120.0–130.0] | — |")
                .contains(
                        "| bodyBytes=1171, delayMs=0, path=RAW_BLOCKING, transport=APACHE |"
                                + " OUT_OF_PROCESS | 2 | 100.0 | 100.0 | 100.0 | 20000.0 | 45.000"
                                + " [40.000–50.000] | 90.000 |");
        assertThat(modes).doesNotContain("RAW_ASYNC"); // ran in one mode only
    }

    @Test
    void bodySizes_putDirectsOverheadBesideTheParseCostOfTheSameBody() {
        String sizes = section("Overhead against body size");

        assertThat(sizes)
                .contains("| 1171 | 0.001 | 3.001 | 3.000 [")
                .contains("| 0.000 | 2000.0 | 2000.0 | 2.000 | 1.500 |")
                .contains("| 1048576 | 0.001 | 2000.0 | 2000.0 [")
                .contains("| 0.000 | 2100000.0 | 2100000.0 | 1000.0 | 2.000 |");
        assertThat(sizes).contains("| 65536 | 300.0 | 380.0 | 80.000 [");
    }

    @Test
    void hops_listEachHopInCallOrder_whatTheyDoNotAccountFor_andHowOftenABranchRan() {
        String hops = section("Where the time goes");

        assertThat(hops)
                .contains(
                        "| call mean | p50 | submit | exchange | dispatch | continuation | wake |"
                                + " not in a hop | calls with dispatch | calls with continuation |")
                .contains(
                        "| SHARED_LOOP | 170.0 | 170.0 | 10.000 | 120.0 | 15.000 | 12.000 | 8.000"
                                + " | 5.000 | 25.0 % | 25.0 % |");
        assertThat(HopTable.percent(0.00016)).isEqualTo("0.016 %");
        assertThat(HopTable.percent(0.0)).isEqualTo("0.0 %");
    }

    @Test
    void concurrency_comparesWithTheIdealRate_andSaysWhichSideSaturated() {
        String rates = section("Concurrency against the ideal rate");

        assertThat(rates)
                .contains("| asyncThroughput | RAW_ASYNC | APACHE | 16 | 10 | 1600.0 | 1500.0")
                .contains("| 93.8 % | 11.000 | 103.1 % | — | — | 0.300 | 0.400 | — | — |")
                .contains("| asyncThroughput | RAW_ASYNC | APACHE | 4 | 10 | 400.0 | 340.0")
                // The stub held each call 10.4 ms: 340 calls/s is 88.4 % of 4 ÷ 10.4 ms.
                .contains(
                        "| 85.0 % | 11.000 | 93.5 % | 10.400 | 88.4 % | 0.300 | 0.400 | — | the"
                                + " delay as served")
                .contains("| asyncThroughput | INVOKE | APACHE | 64 | 10 | 6400.0 | 3200.0")
                .contains(
                        "| 50.0 % | — | — | 10.100 | 50.5 % | 0.970 | 0.600 | — | client CPU"
                                + " saturated |");
    }

    @Test
    void verdict_namesTheSaturatedSide_orSaysNoneWas() {
        IdealRateTable.Ceilings unknown = IdealRateTable.Ceilings.UNKNOWN;
        assertThat(IdealRateTable.verdict(0.95, unknown, 1.0, 1.0)).isEqualTo("—");
        assertThat(IdealRateTable.verdict(0.5, unknown, 0.2, 0.95)).isEqualTo("stub CPU saturated");
        assertThat(IdealRateTable.verdict(0.5, new IdealRateTable.Ceilings(0.6, 0.6), 0.95, 0.95))
                .isEqualTo("both CPUs saturated");
        assertThat(IdealRateTable.verdict(0.5, unknown, 0.2, 0.2)).startsWith("no CPU saturated");
        assertThat(IdealRateTable.verdict(0.5, unknown, 0.2, Double.NaN))
                .contains("stub in process");
        // Below the ideal, but at the rate one call alone allows: the served delay, not a side.
        assertThat(
                        IdealRateTable.verdict(
                                0.85, new IdealRateTable.Ceilings(0.95, Double.NaN), 0.2, 0.2))
                .startsWith("the delay as served");
        // ... and at the rate the stub's own hold allows: the stub's timer, named as such.
        assertThat(IdealRateTable.verdict(0.85, new IdealRateTable.Ceilings(0.95, 0.97), 0.2, 0.2))
                .startsWith("the stub's hold");
        // ... unless the stub's CPU is saturated: then its hold is its queue, and that is said.
        assertThat(IdealRateTable.verdict(0.5, new IdealRateTable.Ceilings(0.6, 0.95), 0.2, 0.95))
                .isEqualTo("stub CPU saturated");
        // The stub's hold allows more than the callers reached: not the stub's doing.
        assertThat(IdealRateTable.verdict(0.85, new IdealRateTable.Ceilings(0.95, 0.88), 0.2, 0.2))
                .startsWith("the delay as served");
    }

    /** The text from the heading containing {@code title} to the next heading. */
    private static String section(String title) {
        int start = MD.indexOf("### " + title);
        assertThat(start).as("section " + title + " in\n" + MD).isNotNegative();
        int end = MD.indexOf("### ", start + 4);
        return end < 0 ? MD.substring(start) : MD.substring(start, end);
    }

    private static JmhRun read(String resource) {
        try {
            return new JmhResultReader()
                    .read(Path.of(RunSummaryTest.class.getResource(resource).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
