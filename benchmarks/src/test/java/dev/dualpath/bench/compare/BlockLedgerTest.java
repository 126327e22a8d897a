package dev.dualpath.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.machine.DisturbanceRule;
import dev.dualpath.bench.verdict.sequential.Block;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger read back gives the blocks its runner judged, so a replay judges the same data. */
class BlockLedgerTest {

    @TempDir Path dir;

    @Test
    void theBlocksReadBack_equalTheBlocksTheRunnerJudged() throws Exception {
        // Half the blocks on a busy machine, so that the disturbance reasons are read back too.
        SimulatedForks quiet = new SimulatedForks(1.2, 0.0, 0.05, 7);
        SimulatedForks busy = new SimulatedForks(1.2, 1.5, 0.05, 8);
        int[] forks = {0};
        ForkRunner alternating =
                (side, series, file) ->
                        (forks[0]++ / 4) % 2 == 0
                                ? quiet.run(side, series, file)
                                : busy.run(side, series, file);
        BlockRunner runner = new BlockRunner(alternating, dir, DisturbanceRule.DEFAULT, 3);
        List<Block> judged = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            judged.add(runner.run("DIRECT").block());
        }

        List<Block> read = BlockLedger.read(dir.resolve("ledger.jsonl"));

        assertThat(read).hasSize(judged.size());
        for (int i = 0; i < read.size(); i++) {
            Block a = judged.get(i);
            Block b = read.get(i);
            assertThat(b.series()).isEqualTo(a.series());
            assertThat(b.order()).isEqualTo(a.order());
            assertThat(b.disturbed()).isEqualTo(a.disturbed());
            assertThat(b.seconds()).isEqualTo(a.seconds());
            assertThat(b.base().keySet()).isEqualTo(a.base().keySet());
            a.base().forEach((k, v) -> assertThat(b.base().get(k)).containsExactly(v));
            a.head().forEach((k, v) -> assertThat(b.head().get(k)).containsExactly(v));
        }
        assertThat(read).anyMatch(Block::isDisturbed).anyMatch(b -> !b.isDisturbed());
    }

    @Test
    void aBlockWithAForkMissing_isAnInputErrorNamingTheBlock() throws Exception {
        BlockRunner runner =
                new BlockRunner(
                        new SimulatedForks(1.0, 0.0, 0.05, 7), dir, DisturbanceRule.DEFAULT, 3);
        runner.run("DIRECT");
        Path ledger = dir.resolve("ledger.jsonl");
        List<String> lines = Files.readAllLines(ledger);
        Files.write(ledger, lines.subList(0, 3));

        assertThatThrownBy(() -> BlockLedger.read(ledger))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(ledger.toString())
                .hasMessageContaining("block 0");
    }

    @Test
    void aLineThatIsNotJson_isAnInputErrorNamingTheLine() throws Exception {
        Path ledger = dir.resolve("ledger.jsonl");
        Files.writeString(ledger, "{\"block\":0,\"order\":\"ABBA\"}\n{\"block\":0,\"ord");

        assertThatThrownBy(() -> BlockLedger.read(ledger))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 2");
    }
}
