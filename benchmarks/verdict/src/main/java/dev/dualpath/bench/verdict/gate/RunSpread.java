package dev.dualpath.bench.verdict.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.JsonFiles;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How much each series' run mean moves between runs of the same code on the same machine on
 * different occasions: the part of a change between a baseline from one day and a run from another
 * that no number of forks can remove. A gate against a committed baseline adds it to every series'
 * variance ({@link RatioJudge.Comparison#withRunSpread}), so that a slower day is not a regression;
 * a comparison of two builds in one job ({@code dualpath compare}) does not need it, since its two
 * sides share the day.
 *
 * <p>Estimated by {@link RunSpreadEstimator} from several runs, and kept as {@value #FILE_NAME}
 * beside the baseline's {@code jmh.json}:
 *
 * <pre>
 * {"about": "...", "runs": ["results/.../run-a", ...],
 *  "series": {"Foo.call [avgt] {path=X}": {"logSd": 0.12, "runs": 8}, ...}}
 * </pre>
 *
 * @param runs where the runs the spread was estimated from came from, for the reader
 * @param series series label ({@link BenchmarkId#display()}) to its spread
 */
public record RunSpread(List<String> runs, Map<String, Series> series) {

    /** File name of the spread inside a baseline folder. */
    public static final String FILE_NAME = "run-spread.json";

    /** No spread known: every series is judged on its forks alone. */
    public static final RunSpread NONE = new RunSpread(List.of(), Map.of());

    /** Fewest runs a series' spread is estimated from: two runs give one degree of freedom. */
    public static final int MIN_RUNS = 3;

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Freezes the collections; the series sorted by label. */
    public RunSpread {
        runs = List.copyOf(runs);
        series = Collections.unmodifiableMap(new TreeMap<>(series));
    }

    /**
     * One series' spread.
     *
     * @param logSd standard deviation of a run's mean log value between runs, beyond what its own
     *     forks' noise explains; {@code exp(logSd) - 1} is roughly the relative move of a run
     * @param runs how many runs it was estimated from, at least {@link #MIN_RUNS}
     */
    public record Series(double logSd, int runs) {
        /**
         * @throws IllegalArgumentException if logSd is negative or not finite, or runs is under
         *     {@link #MIN_RUNS}
         */
        public Series {
            if (!(logSd >= 0) || Double.isInfinite(logSd)) {
                throw new IllegalArgumentException("logSd must be finite and >= 0, was " + logSd);
            }
            if (runs < MIN_RUNS) {
                throw new IllegalArgumentException(
                        "needs at least " + MIN_RUNS + " runs, was " + runs);
            }
        }

        /** The between-run variance of a run's mean log, {@code logSd²}. */
        public double variance() {
            return logSd * logSd;
        }
    }

    /** The spread of a series, if it was estimated. */
    public Optional<Series> of(BenchmarkId id) {
        return Optional.ofNullable(series.get(id.display()));
    }

    /** Whether no series has a spread. */
    public boolean isEmpty() {
        return series.isEmpty();
    }

    /**
     * Reads a spread file.
     *
     * @param file a file written by {@link #write}
     * @return the spread
     * @throws InputException naming the file and the field, if it is missing, not JSON, or a field
     *     is absent, not a number, negative, infinite or NaN
     */
    public static RunSpread read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (!root.isObject()) throw new InputException(file, "(root)", "expected a JSON object");
        List<String> runs = new ArrayList<>();
        JsonNode runsNode = root.path("runs");
        if (!runsNode.isArray()) throw new InputException(file, "runs", "expected an array");
        runsNode.forEach(r -> runs.add(r.asText()));
        JsonNode seriesNode = root.path("series");
        if (!seriesNode.isObject() || seriesNode.isEmpty()) {
            throw new InputException(file, "series", "expected a non-empty object");
        }
        Map<String, Series> series = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : seriesNode.properties()) {
            String field = "series." + e.getKey();
            JsonNode sd = e.getValue().path("logSd");
            JsonNode n = e.getValue().path("runs");
            if (!sd.isNumber()) throw new InputException(file, field + ".logSd", "not a number");
            if (!n.isIntegralNumber()) {
                throw new InputException(file, field + ".runs", "not a whole number");
            }
            try {
                series.put(e.getKey(), new Series(sd.asDouble(), n.asInt()));
            } catch (IllegalArgumentException bad) {
                throw new InputException(file, field, bad.getMessage(), bad);
            }
        }
        return new RunSpread(runs, series);
    }

    /**
     * Writes this spread as JSON.
     *
     * @param file where to write; its folder must exist
     * @throws UncheckedIOException if it cannot be written
     */
    public void write(Path file) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(
                "about",
                "Run-to-run spread of each series' mean log value across the runs listed, beyond"
                        + " their forks' own noise (written by 'dualpath spread'). A gate against"
                        + " a baseline in this folder adds it to every series' variance.");
        runs.forEach(root.putArray("runs")::add);
        ObjectNode s = root.putObject("series");
        series.forEach(
                (label, v) -> s.putObject(label).put("logSd", v.logSd()).put("runs", v.runs()));
        try {
            Files.writeString(file, MAPPER.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
