package dev.dualpath.bench.verdict.claims;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.JsonFiles;
import dev.dualpath.bench.verdict.jmh.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code sdk_replay.py} measured ({@code python-sdk.json}): per pattern and per process, the
 * successful calls' times, the calls, the failures with their messages, the TCP connections the
 * stub accepted and the event loops created.
 *
 * @param file where it was read from
 * @param python Python version
 * @param cpuCount CPUs the script saw, as text
 * @param date when it ran
 * @param packages installed package versions (openai, httpx2, ...)
 * @param patterns pattern name to its measurements, in the file's order
 */
public record SdkReplay(
        Path file,
        String python,
        String cpuCount,
        String date,
        Map<String, String> packages,
        Map<String, Pattern> patterns) {

    /** Freezes the maps (keeping their order). */
    public SdkReplay {
        packages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(packages));
        patterns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(patterns));
    }

    /**
     * One pattern.
     *
     * @param name e.g. {@code loop_cached_client}
     * @param description one line saying what it does
     * @param forks one entry per process
     */
    public record Pattern(String name, String description, List<Fork> forks) {
        /** Freezes the list. */
        public Pattern {
            forks = List.copyOf(forks);
        }

        /** Calls made, all processes. */
        public long calls() {
            return forks.stream().mapToLong(Fork::calls).sum();
        }

        /** Calls failed, all processes. */
        public long failures() {
            return forks.stream().mapToLong(Fork::failures).sum();
        }

        /** Connections the stub accepted, all processes. */
        public long connections() {
            return forks.stream().mapToLong(Fork::connections).sum();
        }

        /** Event loops created, all processes. */
        public long loops() {
            return forks.stream().mapToLong(Fork::loops).sum();
        }

        /** Failure messages with their counts, all processes, most frequent first. */
        public Map<String, Long> errors() {
            Map<String, Long> all = new LinkedHashMap<>();
            forks.forEach(f -> f.errors().forEach((k, v) -> all.merge(k, (long) v, Long::sum)));
            return all.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .collect(
                            Collectors.toMap(
                                    Map.Entry::getKey,
                                    Map.Entry::getValue,
                                    (a, b) -> a,
                                    LinkedHashMap::new));
        }

        /**
         * "150 of 300 calls failed (RuntimeError: Event loop is closed x150)", or empty when none
         * failed.
         */
        public Optional<String> failureSummary() {
            if (failures() == 0) {
                return Optional.empty();
            }
            String kinds =
                    errors().entrySet().stream()
                            .limit(3)
                            .map(e -> e.getKey() + " x" + e.getValue())
                            .collect(Collectors.joining("; "));
            return Optional.of(
                    name + ": " + failures() + " of " + calls() + " calls failed (" + kinds + ")");
        }

        /** The metric's value per process, NaN values left out. */
        public Units units(SdkMetric metric) {
            double[] values =
                    forks.stream().mapToDouble(metric::of).filter(v -> !Double.isNaN(v)).toArray();
            return new Units(values, values.length == 0 ? Units.Basis.NONE : Units.Basis.FORKS);
        }
    }

    /**
     * One process's measurements of one pattern.
     *
     * @param samplesNs per-call times of the calls that succeeded, ns
     * @param calls calls made
     * @param failures calls that failed
     * @param errors failure message to count
     * @param connections TCP connections the stub accepted during this pattern's blocks
     * @param loops event loops created during them
     */
    // The samples are handed over once from the parser and only read (a median sorts a copy):
    // copying them on the way in and out would add nothing.
    @SuppressWarnings("ArrayRecordComponent")
    public record Fork(
            double[] samplesNs,
            int calls,
            int failures,
            Map<String, Integer> errors,
            long connections,
            long loops) {
        /** Freezes the map (the array is not copied; do not modify it). */
        public Fork {
            errors = Map.copyOf(errors);
        }
    }

    /**
     * Reads a replay file, or the reason recorded in its place when the replay could not run.
     *
     * @throws InputException if the file is missing, not JSON, or a field is malformed (named)
     */
    public static SdkSource read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (!root.isObject()) {
            throw new InputException(file, "(root)", "expected a JSON object");
        }
        String status = root.path("status").asText("");
        if ("unavailable".equals(status)) {
            return SdkSource.absent(root.path("reason").asText("no reason recorded"));
        }
        if (!"measured".equals(status)) {
            throw new InputException(
                    file,
                    "status",
                    "expected \"measured\" or \"unavailable\", was " + root.get("status"));
        }
        if (!"ns".equals(root.path("unit").asText(""))) {
            throw new InputException(file, "unit", "expected \"ns\", was " + root.get("unit"));
        }
        JsonNode patterns = root.get("patterns");
        if (patterns == null || !patterns.isObject() || patterns.isEmpty()) {
            throw new InputException(file, "patterns", "missing, empty or not an object");
        }
        Map<String, Pattern> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : patterns.properties()) {
            out.put(e.getKey(), pattern(file, e.getKey(), e.getValue()));
        }
        Map<String, String> packages = new LinkedHashMap<>();
        root.path("packages")
                .properties()
                .forEach(p -> packages.put(p.getKey(), p.getValue().asText()));
        return SdkSource.of(
                new SdkReplay(
                        file,
                        root.path("python").asText("unknown"),
                        root.path("cpu_count").asText("unknown"),
                        root.path("date").asText("unknown"),
                        packages,
                        out));
    }

    private static Pattern pattern(Path file, String name, JsonNode node) {
        String at = "patterns." + name;
        JsonNode forks = node.get("forks");
        if (forks == null || !forks.isArray() || forks.size() < 2) {
            throw new InputException(file, at + ".forks", "expected an array of >= 2 processes");
        }
        List<Fork> out = new ArrayList<>();
        for (int i = 0; i < forks.size(); i++) {
            out.add(fork(file, at + ".forks[" + i + "]", forks.get(i)));
        }
        return new Pattern(name, node.path("description").asText(""), out);
    }

    private static Fork fork(Path file, String at, JsonNode node) {
        JsonNode samples = node.get("samples_ns");
        if (samples == null || !samples.isArray()) {
            throw new InputException(file, at + ".samples_ns", "missing or not an array");
        }
        double[] ns = new double[samples.size()];
        for (int i = 0; i < ns.length; i++) {
            JsonNode v = samples.get(i);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
                throw new InputException(
                        file, at + ".samples_ns[" + i + "]", "not a finite non-negative number");
            }
            ns[i] = v.doubleValue();
        }
        int calls = count(file, node, "calls", at);
        int failures = count(file, node, "failures", at);
        if (failures > calls || ns.length != calls - failures) {
            throw new InputException(
                    file,
                    at,
                    "calls ("
                            + calls
                            + ") must equal failures ("
                            + failures
                            + ") + samples ("
                            + ns.length
                            + ")");
        }
        Map<String, Integer> errors = new LinkedHashMap<>();
        node.path("errors").properties().forEach(e -> errors.put(e.getKey(), e.getValue().asInt()));
        return new Fork(
                ns,
                calls,
                failures,
                errors,
                count(file, node, "connections", at),
                count(file, node, "loops", at));
    }

    private static int count(Path file, JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw new InputException(file, at + "." + field, "missing or not a count >= 0");
        }
        return v.asInt();
    }
}
