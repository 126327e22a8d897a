package dev.dualpath.bench.power;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dualpath.bench.compare.BlockLedger;
import dev.dualpath.bench.compare.CompareSession;
import dev.dualpath.bench.compare.JmhForkRunner;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.sequential.Block;
import dev.dualpath.bench.verdict.sequential.MetricSpec;
import dev.dualpath.bench.verdict.sequential.SequentialSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A power run's folder layout, and its recorded blocks judged again without running a fork ({@code
 * power --replay}): each condition's pool under {@code pool-<name>/}, its end-to-end runs under
 * {@code e2e-<name>-<n>/}, the sizing forks under {@code sizing/}.
 */
public final class PowerReplay {

    /** Forks measured to size the knobs; their medians count. */
    public static final int SIZING_FORKS = 3;

    /** The knob label of a condition whose run recorded none (it stopped before its report). */
    public static final String NOT_RECORDED = "(not recorded)";

    private PowerReplay() {}

    /**
     * The knob each condition's head ran with, as the run's {@code power.json} recorded it: a
     * replay labels its rows with what was measured, not with what today's code would choose.
     *
     * @param dir a power run's folder
     * @return condition name → the head's extra JVM arguments; empty if the run wrote no report
     * @throws dev.dualpath.bench.verdict.InputException naming {@code power.json} and the field if
     *     the file is there but malformed
     */
    public static Map<String, List<String>> recordedKnobs(Path dir) {
        Path file = dir.resolve("power.json");
        if (!Files.isRegularFile(file)) return Map.of();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file, "(file)", "not readable as JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new InputException(file, "(file)", "expected an array of condition results");
        }
        Map<String, List<String>> knobs = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode name = root.get(i).path("condition").path("name");
            JsonNode knob = root.get(i).path("knob");
            if (!name.isTextual() || !knob.isArray()) {
                throw new InputException(
                        file, "[" + i + "]", "needs condition.name (text) and knob (array)");
            }
            List<String> args = new ArrayList<>();
            knob.forEach(a -> args.add(a.asText()));
            knobs.put(name.asText(), List.copyOf(args));
        }
        return knobs;
    }

    /** The condition's folder name part, e.g. {@code time+10_} for {@code time+10%}. */
    public static String folder(Condition c) {
        return c.name().replaceAll("[^A-Za-z0-9+]", "_");
    }

    /** The file of sizing fork {@code i} in the sizing folder. */
    public static String sizingFork(int i) {
        return "fork" + i + ".json";
    }

    /**
     * The series' time and bytes per call as sized: the medians of the sizing forks' results.
     *
     * @param sizing the sizing folder
     * @return {time µs, bytes}; NaN for a metric the forks lack
     * @throws dev.dualpath.bench.verdict.InputException naming a fork's file if it is missing or
     *     malformed
     */
    public static double[] sized(Path sizing) {
        double[] time = new double[SIZING_FORKS];
        double[] bytes = new double[SIZING_FORKS];
        for (int i = 0; i < SIZING_FORKS; i++) {
            Map<String, Double> m = JmhForkRunner.metrics(sizing.resolve(sizingFork(i)));
            time[i] = m.getOrDefault(MetricSpec.PRIMARY, Double.NaN);
            bytes[i] = m.getOrDefault("gc.alloc.rate.norm", Double.NaN);
        }
        Arrays.sort(time);
        Arrays.sort(bytes);
        return new double[] {time[SIZING_FORKS / 2], bytes[SIZING_FORKS / 2]};
    }

    /**
     * Each condition with a recorded pool in {@code dir}, judged again: trials drawn from its pool,
     * and its end-to-end runs replayed in their recorded order (only as far as their blocks go).
     *
     * @param dir a power run's folder
     * @param conditions the conditions to look for; those without a pool are left out
     * @param series the series' label
     * @param specs the gated metrics
     * @param budget each trial's budget
     * @param trials trials per condition
     * @param seed the trials' shuffles
     * @param knobs each condition's knob as its run recorded it ({@link #recordedKnobs}), by name
     * @return one result per condition found, in the given order
     * @throws IOException if a ledger cannot be read
     * @throws InterruptedException if interrupted
     */
    public static List<ConditionResult> judge(
            Path dir,
            List<Condition> conditions,
            String series,
            List<MetricSpec> specs,
            Duration budget,
            int trials,
            long seed,
            Map<String, List<String>> knobs)
            throws IOException, InterruptedException {
        List<ConditionResult> all = new ArrayList<>();
        for (Condition c : conditions) {
            Path pool = dir.resolve("pool-" + folder(c)).resolve("ledger.jsonl");
            if (!Files.isRegularFile(pool)) continue;
            List<Block> blocks = BlockLedger.read(pool);
            List<CompareSession.Outcome> e2e = new ArrayList<>();
            for (int i = 1; ; i++) {
                Path ledger = dir.resolve("e2e-" + folder(c) + "-" + i).resolve("ledger.jsonl");
                if (!Files.isRegularFile(ledger)) break;
                e2e.add(
                        PowerTrials.replay(
                                        BlockLedger.read(ledger),
                                        series,
                                        specs,
                                        c.metric(),
                                        SequentialSettings.DEFAULT,
                                        budget)
                                .outcome());
            }
            all.add(
                    new ConditionResult(
                            c,
                            knobs.getOrDefault(c.name(), List.of(NOT_RECORDED)),
                            blocks.size(),
                            (int) blocks.stream().filter(Block::isDisturbed).count(),
                            PoolChange.of(blocks, c.metric()),
                            PowerTrials.run(
                                    blocks,
                                    series,
                                    specs,
                                    c.metric(),
                                    SequentialSettings.DEFAULT,
                                    budget,
                                    trials,
                                    seed),
                            e2e));
        }
        return all;
    }
}
