package dev.dualpath.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.sequential.Block;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block assembled from its four forks, and blocks read back from the {@code ledger.jsonl} a
 * {@link BlockRunner} wrote: recorded forks can then be judged again exactly as they were when run
 * ({@code power --replay}).
 */
public final class BlockLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BlockLedger() {}

    /**
     * One fork as the block statistic sees it.
     *
     * @param side base or head
     * @param metrics the fork's mean of each metric
     * @param disturbed why the machine counted as disturbed during the fork; empty if it did not
     * @param wallSeconds the fork's wall time, JVM start included
     */
    record Fork(Side side, Map<String, Double> metrics, String disturbed, double wallSeconds) {}

    /**
     * The block of {@code forks}: each metric measured on both forks of a side becomes that side's
     * pair, in fork order; the block is disturbed if any fork was.
     */
    static Block assemble(String series, String order, List<Fork> forks) {
        Map<String, List<Double>> base = new LinkedHashMap<>();
        Map<String, List<Double>> head = new LinkedHashMap<>();
        List<String> disturbed = new ArrayList<>();
        double seconds = 0;
        for (Fork f : forks) {
            seconds += f.wallSeconds();
            Map<String, List<Double>> into = f.side() == Side.BASE ? base : head;
            f.metrics().forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            if (!f.disturbed().isEmpty()) {
                disturbed.add(f.side().letter() + ": " + f.disturbed());
            }
        }
        return new Block(
                series, order, pairs(base), pairs(head), String.join("; ", disturbed), seconds);
    }

    /**
     * Reads a ledger's blocks in the order they were run.
     *
     * @param ledger a {@code ledger.jsonl} written by {@link BlockRunner}
     * @return its blocks, disturbed ones included (flagged as they were when run)
     * @throws IOException if the file cannot be read
     * @throws InputException naming the file and the field when a line is not a ledger row or a
     *     block does not have its four forks
     */
    public static List<Block> read(Path ledger) throws IOException {
        Map<Integer, List<JsonNode>> rows = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(ledger, StandardCharsets.UTF_8)) {
            int line = 0;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                line++;
                if (text.isBlank()) continue;
                JsonNode row;
                try {
                    row = JSON.readTree(text);
                } catch (IOException e) {
                    throw new InputException(ledger, "line " + line, "not JSON", e);
                }
                rows.computeIfAbsent(
                                required(ledger, line, row, "block").asInt(),
                                k -> new ArrayList<>())
                        .add(row);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (Map.Entry<Integer, List<JsonNode>> e : rows.entrySet()) {
            List<JsonNode> forks = e.getValue();
            String order = forks.get(0).path("order").asText();
            if (forks.size() != order.length() || order.isEmpty()) {
                throw new InputException(
                        ledger,
                        "block " + e.getKey(),
                        forks.size() + " forks recorded for order '" + order + "'");
            }
            List<Fork> judged = new ArrayList<>();
            for (JsonNode f : forks) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                f.path("metrics")
                        .properties()
                        .forEach(m -> metrics.put(m.getKey(), m.getValue().asDouble()));
                judged.add(
                        new Fork(
                                Side.valueOf(f.path("side").asText()),
                                metrics,
                                f.path("disturbed").asText(""),
                                f.path("wallSeconds").asDouble()));
            }
            blocks.add(assemble(forks.get(0).path("series").asText(), order, judged));
        }
        return blocks;
    }

    private static JsonNode required(Path file, int line, JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || !v.isNumber()) {
            throw new InputException(
                    file, "line " + line + ": " + field, "missing or not a number");
        }
        return v;
    }

    private static Map<String, double[]> pairs(Map<String, List<Double>> values) {
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach(
                (k, v) -> {
                    if (v.size() == 2)
                        out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray());
                });
        return out;
    }
}
