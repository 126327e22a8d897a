package dev.dualpath.bench.verdict.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The order a run measured its forks in, when it interleaved them: each plan's series ran one fork
 * per round, in a randomized order within each round, so fork i of every series of a plan was
 * measured in round i, minutes apart at most from the others' fork i. Two series of the same plan
 * can then be compared round by round ({@code Bootstrap#pairedInterval}), which cancels what a
 * round's machine state does to both. Written by the main job as {@value RunFolder#ROUNDS_JSON}; a
 * run without the file (older runs, other JMH users) is {@link #NONE}: nothing is paired.
 *
 * <pre>{@code
 * { "seed": 42,
 *   "plans": [ { "label": "in-memory",
 *                "rounds": [ [ {"benchmark": "a.B.call", "mode": "avgt", "params": {"path": "DIRECT"}},
 *                              {"benchmark": "a.B.call", "mode": "avgt", "params": {"path": "RAW_BLOCKING"}} ],
 *                            [ ...the same series, in another order... ] ] } ] }
 * }</pre>
 *
 * @param seed the seed the rounds' orders were drawn with (to reproduce a schedule)
 * @param plans each interleaved plan's rounds, in run order
 */
public record ForkRounds(long seed, List<Plan> plans) {

    /** Nothing interleaved (also what a run without the file means). */
    public static final ForkRounds NONE = new ForkRounds(0, List.of());

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One plan's rounds.
     *
     * @param label the plan's label
     * @param rounds the series in the order they ran, one list per round; every round holds the
     *     same series once each
     */
    public record Plan(String label, List<List<BenchmarkId>> rounds) {
        /** Copies the lists. */
        public Plan {
            rounds = rounds.stream().map(List::copyOf).toList();
        }
    }

    /** Copies the list. */
    public ForkRounds {
        plans = List.copyOf(plans);
    }

    /**
     * Whether {@code a} and {@code b} (primary or secondary metrics) ran in the same plan's rounds,
     * so that their forks pair by index. The caller still checks that both have one fork per round.
     */
    public boolean paired(BenchmarkId a, BenchmarkId b) {
        Optional<Integer> pa = planOf(a);
        return pa.isPresent() && pa.equals(planOf(b));
    }

    /**
     * Whether all of {@code ids} ran in the same plan's rounds ({@link #paired}); false for an
     * empty list.
     */
    public boolean paired(List<BenchmarkId> ids) {
        if (ids.isEmpty()) return false;
        return ids.stream().allMatch(id -> paired(ids.get(0), id));
    }

    /** The number of rounds of the plan {@code id} ran in, if it ran interleaved. */
    public Optional<Integer> rounds(BenchmarkId id) {
        return planOf(id).map(i -> plans.get(i).rounds().size());
    }

    /** The label of the plan {@code id} ran in, if it ran interleaved; else null. */
    public String planLabel(BenchmarkId id) {
        return planOf(id).map(i -> plans.get(i).label()).orElse(null);
    }

    private Optional<Integer> planOf(BenchmarkId id) {
        BenchmarkId primary = BenchmarkId.primary(id.benchmark(), id.mode(), id.params());
        for (int i = 0; i < plans.size(); i++) {
            List<List<BenchmarkId>> rounds = plans.get(i).rounds();
            if (!rounds.isEmpty() && rounds.get(0).contains(primary)) return Optional.of(i);
        }
        return Optional.empty();
    }

    /**
     * Reads {@code file}; a missing file is {@link #NONE}.
     *
     * @throws InputException naming the file and the field, if it is not shaped as above, or a
     *     round does not hold exactly the series of its plan's first round
     */
    public static ForkRounds read(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode root = JsonFiles.read(file);
        JsonNode seed = root.get("seed");
        if (seed == null || !seed.canConvertToLong()) {
            throw new InputException(file, "seed", "expected an integer");
        }
        JsonNode plans = root.get("plans");
        if (plans == null || !plans.isArray()) {
            throw new InputException(file, "plans", "expected an array of plans");
        }
        List<Plan> out = new ArrayList<>();
        for (int p = 0; p < plans.size(); p++) {
            out.add(plan(file, "plans[" + p + "]", plans.get(p)));
        }
        return new ForkRounds(seed.asLong(), out);
    }

    private static Plan plan(Path file, String field, JsonNode node) {
        JsonNode label = node.get("label");
        if (label == null || !label.isTextual()) {
            throw new InputException(file, field + ".label", "expected a string");
        }
        JsonNode rounds = node.get("rounds");
        if (rounds == null || !rounds.isArray() || rounds.isEmpty()) {
            throw new InputException(file, field + ".rounds", "expected a non-empty array");
        }
        List<List<BenchmarkId>> out = new ArrayList<>();
        Set<BenchmarkId> first = null;
        for (int r = 0; r < rounds.size(); r++) {
            String roundField = field + ".rounds[" + r + "]";
            List<BenchmarkId> round = round(file, roundField, rounds.get(r));
            Set<BenchmarkId> series = new HashSet<>(round);
            if (series.size() != round.size()) {
                throw new InputException(file, roundField, "a series appears twice in one round");
            }
            if (first == null) {
                first = series;
            } else if (!first.equals(series)) {
                throw new InputException(
                        file, roundField, "holds other series than the plan's first round");
            }
            out.add(round);
        }
        return new Plan(label.asText(), out);
    }

    private static List<BenchmarkId> round(Path file, String field, JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InputException(file, field, "expected a non-empty array of series");
        }
        List<BenchmarkId> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String f = field + "[" + i + "]";
            JsonNode s = node.get(i);
            JsonNode benchmark = s.get("benchmark");
            JsonNode mode = s.get("mode");
            JsonNode params = s.get("params");
            if (benchmark == null || !benchmark.isTextual()) {
                throw new InputException(file, f + ".benchmark", "expected a string");
            }
            if (mode == null || !mode.isTextual()) {
                throw new InputException(file, f + ".mode", "expected a string");
            }
            if (params == null || !params.isObject()) {
                throw new InputException(file, f + ".params", "expected an object");
            }
            Map<String, String> values = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : params.properties()) {
                if (!e.getValue().isTextual()) {
                    throw new InputException(
                            file, f + ".params." + e.getKey(), "expected a string");
                }
                values.put(e.getKey(), e.getValue().asText());
            }
            out.add(BenchmarkId.primary(benchmark.asText(), mode.asText(), values));
        }
        return out;
    }

    /**
     * Writes this as {@code file}.
     *
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("seed", seed);
        ArrayNode plansNode = root.putArray("plans");
        for (Plan plan : plans) {
            ObjectNode p = plansNode.addObject();
            p.put("label", plan.label());
            ArrayNode rounds = p.putArray("rounds");
            for (List<BenchmarkId> round : plan.rounds()) {
                ArrayNode r = rounds.addArray();
                for (BenchmarkId id : round) {
                    ObjectNode s = r.addObject();
                    s.put("benchmark", id.benchmark());
                    s.put("mode", id.mode());
                    ObjectNode params = s.putObject("params");
                    id.params().forEach(params::put);
                }
            }
        }
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }
}
