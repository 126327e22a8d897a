package dev.dualpath.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualpath.bench.machine.CalibrationLoop;
import dev.dualpath.bench.verdict.machine.DisturbanceRule;
import dev.dualpath.bench.verdict.sequential.Block;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Runs blocks: four forks of one series, base and head interleaved in an order drawn at random per
 * block ({@code ABBA} or {@code BAAB}), so that both builds see the same machine, and a drift that
 * is linear over the block cancels in its statistic. Every fork is appended to {@code ledger.jsonl}
 * (side, series, order, position, wall time, machine conditions, disturbance) and its JSON kept
 * under {@code forks/}.
 */
public final class BlockRunner implements BlockSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ForkRunner runner;
    private final Path forksDir;
    private final Path ledger;
    private final DisturbanceRule rule;
    private final Random rng;
    private double referenceCalibration;
    private int blocks;

    /**
     * @param runner runs one fork
     * @param outDir the comparison's folder: {@code forks/} and {@code ledger.jsonl} go there
     * @param rule when a fork counts as disturbed
     * @param seed the block orders' seed
     * @throws IOException if the folder cannot be made
     */
    public BlockRunner(ForkRunner runner, Path outDir, DisturbanceRule rule, long seed)
            throws IOException {
        this.runner = runner;
        this.forksDir = Files.createDirectories(outDir.resolve("forks"));
        this.ledger = outDir.resolve("ledger.jsonl");
        this.rule = rule;
        this.rng = new Random(seed);
        CalibrationLoop.warm();
        this.referenceCalibration = CalibrationLoop.bestMicros();
    }

    /**
     * Blocks of real JMH forks ({@link JmhForkRunner}) of two builds, judged disturbed by {@link
     * DisturbanceRule#DEFAULT}: what {@code compare} and {@code power} both run.
     *
     * @param forks each fork's settings
     * @param builds the jar of each side
     * @param outDir the comparison's folder: {@code forks/} and {@code ledger.jsonl} go there
     * @param seed the block orders' seed
     * @throws IOException if the folder cannot be made
     */
    public static BlockRunner ofJmhForks(
            ForkSettings forks, java.util.Map<Side, Build> builds, Path outDir, long seed)
            throws IOException {
        return new BlockRunner(
                new JmhForkRunner(forks, builds), outDir, DisturbanceRule.DEFAULT, seed);
    }

    /** A block as run: the statistic's input and the four forks behind it. */
    public record RunBlock(Block block, List<ForkRecord> forks) {}

    /**
     * Runs one block of {@code series}.
     *
     * @throws IOException if a fork fails or its result cannot be read
     * @throws InterruptedException if interrupted; the running fork is stopped
     */
    @Override
    public RunBlock run(String series) throws IOException, InterruptedException {
        int index = blocks++;
        String order = rng.nextBoolean() ? "ABBA" : "BAAB";
        List<ForkRecord> forks = new ArrayList<>();
        for (int pos = 0; pos < order.length(); pos++) {
            Side side = Side.of(order.charAt(pos));
            Path file =
                    forksDir.resolve(
                            String.format(
                                    Locale.ROOT,
                                    "b%03d-%d-%s-%s.json",
                                    index,
                                    pos,
                                    side.letter(),
                                    safe(series)));
            forks.add(runner.run(side, series, file));
        }
        return new RunBlock(block(series, order, forks, index), forks);
    }

    private Block block(String series, String order, List<ForkRecord> forks, int index)
            throws IOException {
        for (ForkRecord f : forks) {
            double c = f.conditions().calibrationMicros();
            if (c > 0) referenceCalibration = Math.min(referenceCalibration, c);
        }
        List<BlockLedger.Fork> judged = new ArrayList<>();
        for (int pos = 0; pos < forks.size(); pos++) {
            ForkRecord f = forks.get(pos);
            String why = rule.disturbed(f.conditions(), referenceCalibration).orElse("");
            log(index, order, pos, f, why);
            judged.add(new BlockLedger.Fork(f.side(), f.metrics(), why, f.wallSeconds()));
        }
        return BlockLedger.assemble(series, order, judged);
    }

    private void log(int block, String order, int position, ForkRecord f, String disturbed)
            throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("block", block)
                .put("order", order)
                .put("position", position)
                .put("side", f.side().name())
                .put("series", f.series())
                .put("file", forksDir.getParent().relativize(f.file()).toString())
                .put("wallSeconds", f.wallSeconds());
        ObjectNode m = o.putObject("machine");
        m.put("foreignCpus", f.conditions().foreignCpus())
                .put("stealShare", f.conditions().stealShare())
                .put("loadAverage", f.conditions().loadAverage())
                .put("childCpuShare", f.conditions().ownCpuShare())
                .put("calibrationMicros", f.conditions().calibrationMicros())
                .put("referenceCalibrationMicros", referenceCalibration);
        o.put("disturbed", disturbed);
        ObjectNode metrics = o.putObject("metrics");
        f.metrics().forEach(metrics::put);
        try (Writer w =
                Files.newBufferedWriter(
                        ledger,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            w.write(JSON.writeValueAsString(o));
            w.write('\n');
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
