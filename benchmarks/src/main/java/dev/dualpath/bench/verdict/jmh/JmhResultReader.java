package dev.dualpath.bench.verdict.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.JsonFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a JMH JSON result file ({@code -rf json}) into a {@link JmhRun}.
 *
 * <p>Understands every mode JMH writes ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}):
 * {@code rawData} (per fork, per iteration values) and, for SampleTime, {@code rawDataHistogram}
 * (per fork, per iteration, {@code [value, count]} pairs). Numbers may be JSON numbers or the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} that JMH writes for non-finite
 * values. {@code params} become part of each series' identity. Each entry of {@code
 * secondaryMetrics} becomes its own series; a leading middle dot ({@code "·gc.alloc.rate.norm"},
 * JMH before 1.35) is dropped so names match across JMH versions.
 *
 * <p>Usage: {@code JmhRun run = new JmhResultReader().read(Path.of("run/jmh.json"));}
 */
public final class JmhResultReader {

    /**
     * Reads a JMH JSON result file.
     *
     * @param file a JMH JSON result file
     * @return the run, with one measurement per primary and per secondary metric
     * @throws InputException if the file is missing, unreadable, not JSON, or a required field is
     *     absent or of the wrong shape (the message names the field, e.g. {@code
     *     [3].primaryMetric.scoreUnit})
     */
    public JmhRun read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (!root.isArray()) {
            throw new InputException(
                    file,
                    "(root)",
                    "expected a JSON array of JMH results, found " + root.getNodeType());
        }
        List<Measurement> out = new ArrayList<>();
        Set<BenchmarkId> seen = new HashSet<>();
        String jvm = "unknown";
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            String at = "[" + i + "]";
            String benchmark = text(file, entry, "benchmark", at);
            String mode = text(file, entry, "mode", at);
            Map<String, String> params = params(file, entry.get("params"), at + ".params");
            int threads = entry.path("threads").asInt(1);
            int forks = entry.path("forks").asInt(1);
            if (i == 0) jvm = jvmOf(entry);
            BenchmarkId id = BenchmarkId.primary(benchmark, mode, params);
            JsonNode primary = entry.get("primaryMetric");
            if (primary == null || !primary.isObject()) {
                throw new InputException(file, at + ".primaryMetric", "missing or not an object");
            }
            addUnique(
                    file,
                    at,
                    seen,
                    out,
                    metric(file, primary, id, threads, forks, at + ".primaryMetric"));
            JsonNode secondaries = entry.path("secondaryMetrics");
            for (Map.Entry<String, JsonNode> e : secondaries.properties()) {
                String name = normaliseSecondaryName(e.getKey());
                String field = at + ".secondaryMetrics." + e.getKey();
                addUnique(
                        file,
                        at,
                        seen,
                        out,
                        metric(file, e.getValue(), id.withSecondary(name), threads, forks, field));
            }
        }
        return new JmhRun(file, out, jvm);
    }

    /** Drops JMH's historical leading middle dot from secondary metric names. */
    static String normaliseSecondaryName(String name) {
        return name.startsWith("\u00b7") ? name.substring(1) : name;
    }

    private static void addUnique(
            Path file, String at, Set<BenchmarkId> seen, List<Measurement> out, Measurement m) {
        if (!seen.add(m.id())) {
            throw new InputException(file, at, "duplicate series " + m.id().display());
        }
        out.add(m);
    }

    private static Measurement metric(
            Path file, JsonNode node, BenchmarkId id, int threads, int forks, String at) {
        String unit = text(file, node, "scoreUnit", at);
        double score = number(file, node.get("score"), at + ".score");
        double error = number(file, node.get("scoreError"), at + ".scoreError");
        Map<String, Double> percentiles = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.path("scorePercentiles").properties()) {
            percentiles.put(
                    e.getKey(), number(file, e.getValue(), at + ".scorePercentiles." + e.getKey()));
        }
        List<List<Double>> raw = new ArrayList<>();
        List<List<List<HistogramBin>>> histograms = new ArrayList<>();
        if (node.has("rawDataHistogram")) {
            histograms = histograms(file, node.get("rawDataHistogram"), at + ".rawDataHistogram");
            for (List<List<HistogramBin>> fork : histograms) {
                raw.add(fork.stream().map(JmhResultReader::histogramMean).toList());
            }
        } else if (node.has("rawData")) {
            raw = rawData(file, node.get("rawData"), at + ".rawData");
        } else {
            throw new InputException(
                    file, at + ".rawData", "neither rawData nor rawDataHistogram present");
        }
        return new Measurement(
                id, unit, threads, forks, score, error, percentiles, raw, histograms);
    }

    private static List<List<Double>> rawData(Path file, JsonNode node, String at) {
        requireArray(file, node, at);
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < node.size(); f++) {
            JsonNode fork = node.get(f);
            requireArray(file, fork, at + "[" + f + "]");
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                values.add(number(file, fork.get(i), at + "[" + f + "][" + i + "]"));
            }
            forks.add(values);
        }
        return forks;
    }

    private static List<List<List<HistogramBin>>> histograms(Path file, JsonNode node, String at) {
        requireArray(file, node, at);
        List<List<List<HistogramBin>>> forks = new ArrayList<>();
        for (int f = 0; f < node.size(); f++) {
            JsonNode fork = node.get(f);
            requireArray(file, fork, at + "[" + f + "]");
            List<List<HistogramBin>> iterations = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                JsonNode iteration = fork.get(i);
                String itAt = at + "[" + f + "][" + i + "]";
                requireArray(file, iteration, itAt);
                List<HistogramBin> bins = new ArrayList<>();
                for (int b = 0; b < iteration.size(); b++) {
                    JsonNode pair = iteration.get(b);
                    String binAt = itAt + "[" + b + "]";
                    if (!pair.isArray() || pair.size() != 2) {
                        throw new InputException(file, binAt, "expected [value, count]");
                    }
                    long count = (long) number(file, pair.get(1), binAt + "[1]");
                    if (count > 0)
                        bins.add(new HistogramBin(number(file, pair.get(0), binAt + "[0]"), count));
                }
                iterations.add(bins);
            }
            forks.add(iterations);
        }
        return forks;
    }

    private static double histogramMean(List<HistogramBin> bins) {
        double sum = 0;
        long n = 0;
        for (HistogramBin b : bins) {
            sum += b.value() * b.count();
            n += b.count();
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static Map<String, String> params(Path file, JsonNode node, String at) {
        Map<String, String> params = new LinkedHashMap<>();
        if (node == null || node.isNull()) return params;
        if (!node.isObject())
            throw new InputException(file, at, "expected an object of @Param values");
        node.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        return params;
    }

    private static String text(Path file, JsonNode node, String name, String at) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InputException(file, at + "." + name, "missing or not a non-empty string");
        }
        return v.asText();
    }

    /** A JSON number, or one of JMH's non-finite strings; absent or null reads as NaN. */
    static double number(Path file, JsonNode v, String at) {
        if (v == null || v.isNull()) return Double.NaN;
        if (v.isNumber()) return v.doubleValue();
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    try {
                        return Double.parseDouble(v.asText());
                    } catch (NumberFormatException e) {
                        throw new InputException(file, at, "not a number: \"" + v.asText() + "\"");
                    }
                }
            }
        }
        throw new InputException(file, at, "expected a number, found " + v.getNodeType());
    }

    private static void requireArray(Path file, JsonNode node, String at) {
        if (node == null || !node.isArray())
            throw new InputException(file, at, "expected an array");
    }

    private static String jvmOf(JsonNode entry) {
        String vm = entry.path("vmName").asText("");
        String version = entry.path("jdkVersion").asText("");
        String s = (vm + " " + version).trim();
        return s.isEmpty() ? "unknown" : s;
    }
}
