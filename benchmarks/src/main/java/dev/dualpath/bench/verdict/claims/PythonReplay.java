package dev.dualpath.bench.verdict.claims;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.JsonFiles;
import dev.dualpath.bench.verdict.jmh.Units;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The samples written by {@code asyncio_replay.py}: per-call times in nanoseconds for each series
 * ({@code create}, {@code run}, {@code close}, {@code loop_total}, {@code direct_call}, {@code
 * seed_literal}, {@code async_call}), and the machine they were taken on.
 *
 * <p>Calls are not independent units (they share a process and its warm-up), so each series is
 * split into {@code batches} contiguous batches and the batch means are the bootstrap's units.
 *
 * @param file where it was read from
 * @param python Python version
 * @param cpuCount CPUs the script saw, as text
 * @param date when it ran
 * @param batches number of batches per series, at least 2
 * @param samplesNs series name to per-call samples in nanoseconds, or per-call counts for the
 *     series in {@code counts}
 * @param counts the series that are counts per call (failures, event loops), not times
 */
public record PythonReplay(
        Path file,
        String python,
        String cpuCount,
        String date,
        int batches,
        Map<String, double[]> samplesNs,
        Set<String> counts) {

    /** Freezes the collections (arrays are not copied; do not modify them). */
    public PythonReplay {
        samplesNs = Map.copyOf(samplesNs);
        counts = Set.copyOf(counts);
    }

    /**
     * A series' units, times in milliseconds and counts as they are.
     *
     * @param series a series name present in the file
     * @return its batch means: milliseconds for a time series, the count per call for a count
     */
    public Units units(String series) {
        return counts.contains(series) ? unitsMillis(series).times(1e6) : unitsMillis(series);
    }

    /** The series names present. */
    public Set<String> seriesNames() {
        return new java.util.TreeSet<>(samplesNs.keySet());
    }

    /**
     * Returns its batch means, in milliseconds.
     *
     * @param series a series name present in the file
     */
    public Units unitsMillis(String series) {
        double[] s = samplesNs.get(series);
        int b = Math.min(batches, s.length);
        double[] means = new double[b];
        for (int i = 0; i < b; i++) {
            int from = (int) ((long) s.length * i / b);
            int to = (int) ((long) s.length * (i + 1) / b);
            double sum = 0;
            for (int j = from; j < to; j++) sum += s[j];
            means[i] = sum / (to - from) / 1e6;
        }
        return new Units(means, Units.Basis.BATCHES);
    }

    /**
     * Reads a Python replay result file.
     *
     * @param file a python-replay.json
     * @throws InputException if missing, not JSON, or {@code samples} is not an object of number
     *     arrays
     */
    public static PythonReplay read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (!root.isObject()) throw new InputException(file, "(root)", "expected a JSON object");
        if (!"ns".equals(root.path("unit").asText("ns"))) {
            throw new InputException(file, "unit", "expected \"ns\", was " + root.get("unit"));
        }
        int batches = root.path("batches").asInt(10);
        if (batches < 2) throw new InputException(file, "batches", "must be >= 2, was " + batches);
        JsonNode samples = root.get("samples");
        if (samples == null || !samples.isObject())
            throw new InputException(file, "samples", "missing or not an object");
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : samples.properties()) {
            String at = "samples." + e.getKey();
            JsonNode arr = e.getValue();
            if (!arr.isArray() || arr.size() < 2)
                throw new InputException(file, at, "expected an array of >= 2 numbers");
            double[] v = new double[arr.size()];
            for (int i = 0; i < v.length; i++) {
                if (!arr.get(i).isNumber())
                    throw new InputException(file, at + "[" + i + "]", "not a number");
                v[i] = arr.get(i).doubleValue();
            }
            out.put(e.getKey(), v);
        }
        Set<String> counts = new java.util.HashSet<>();
        root.path("counts").forEach(c -> counts.add(c.asText()));
        return new PythonReplay(
                file,
                root.path("python").asText("unknown"),
                root.path("cpu_count").asText("unknown"),
                root.path("date").asText("unknown"),
                batches,
                out,
                counts);
    }
}
