package dev.dualpath.bench.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dualpath.bench.verdict.sequential.Block;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolChangeTest {

    private static Block block(double base, double head, String disturbed) {
        return new Block(
                "DIRECT",
                "ABBA",
                Map.of("primary", new double[] {base, base * 1.02}),
                Map.of("primary", new double[] {head, head * 1.02}),
                disturbed,
                24);
    }

    @Test
    void theChangeIsTheHeadOverTheBase_onUndisturbedBlocksOnly() {
        List<Block> pool =
                List.of(
                        block(2.0, 2.3, ""),
                        block(3.0, 3.45, ""),
                        block(2.5, 2.875, ""),
                        // A disturbed block with a wild head is never counted.
                        block(2.5, 25, "A: calibration loop 2x slower"));

        PoolChange c = PoolChange.of(pool, "primary");

        assertThat(c.blocks()).isEqualTo(3);
        assertThat(c.estimate()).isCloseTo(0.15, within(1e-9));
        assertThat(c.lower()).isCloseTo(0.15, within(1e-6));
        assertThat(c.upper()).isCloseTo(0.15, within(1e-6));
    }

    @Test
    void noisyBlocks_giveAnIntervalAroundTheEstimate() {
        List<Block> pool = List.of(block(2.0, 2.2, ""), block(2.0, 2.6, ""), block(2.0, 2.0, ""));

        PoolChange c = PoolChange.of(pool, "primary");

        assertThat(c.lower()).isLessThan(c.estimate());
        assertThat(c.upper()).isGreaterThan(c.estimate());
    }

    @Test
    void fewerThanTwoBlocks_isNotANumber() {
        assertThat(PoolChange.of(List.of(block(2, 2.2, "")), "primary").estimate()).isNaN();
        assertThat(PoolChange.of(List.of(block(2, 2.2, ""), block(2, 2.2, "")), "bytes").blocks())
                .isZero();
    }
}
