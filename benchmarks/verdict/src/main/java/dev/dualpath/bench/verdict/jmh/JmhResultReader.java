package dev.dualpath.bench.verdict.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.bench.verdict.InputException;
import dev.dualpath.bench.verdict.JsonFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a JMH JSON result file ({@code -rf json}) into a {@link JmhRun}.
 *
 * <p>Understands every mode JMH writes ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}):
 * {@code rawData} (per fork, per iteration values) and, for SampleTime, {@code rawDataHistogram}
 * (per fork, per iteration, {@code [value, count]} pairs). Numbers may be JSON numbers or the
 * strings JMH writes ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}), but a measured value
 * must be finite: a NaN or infinite score, percentile, raw value or histogram entry, an empty
 * result array, a series with no forks, a fork with no iterations or an iteration with no samples
 * is an {@link InputException} naming the file, the field and the series — a verdict on such data
 * would be a verdict on nothing. Only {@code scoreError} may be NaN (JMH writes it for a single
 * iteration). A secondary metric with such a defect (profilers write an empty fork for {@code
 * gc.time} when no collection ran) is left out of the measurements and kept in {@link
 * JmhRun#defects()}: it is an error only where it is used, e.g. when the gate is asked to gate it.
 * {@code params} become part of each series' identity. Each entry of {@code secondaryMetrics}
 * becomes its own series; a leading middle dot ({@code "·gc.alloc.rate.norm"}, JMH before 1.35) is
 * dropped so names match across JMH versions.
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
        if (root.isEmpty()) {
            throw new InputException(file, "(root)", "no benchmark results (an empty array)");
        }
        List<Measurement> out = new ArrayList<>();
        Map<BenchmarkId, InputException> defects = new LinkedHashMap<>();
        Map<BenchmarkId, Duration> iterationTimes = new LinkedHashMap<>();
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
            iterationTime(entry.path("measurementTime").asText(""))
                    .ifPresent(t -> iterationTimes.put(id, t));
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
                BenchmarkId secondaryId = id.withSecondary(name);
                try {
                    addUnique(
                            file,
                            at,
                            seen,
                            out,
                            metric(file, e.getValue(), secondaryId, threads, forks, field));
                } catch (InputException defect) {
                    // Profilers write empty forks (gc.time when no GC ran) and NaN for what they
                    // could not measure. Only a gated metric must be whole; the gate asks.
                    defects.put(secondaryId, defect);
                }
            }
        }
        return new JmhRun(file, out, jvm, defects, iterationTimes);
    }

    /**
     * JMH's {@code TimeValue} as written in its JSON ("500 ms", "1 s", "2 min"); empty for anything
     * else ("single-shot", absent): the iteration time is context, not a required field.
     */
    static Optional<Duration> iterationTime(String text) {
        String[] parts = text.trim().split(" ", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        long amount;
        try {
            amount = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (amount <= 0) {
            return Optional.empty();
        }
        return switch (parts[1]) {
            case "ns" -> Optional.of(Duration.ofNanos(amount));
            case "us" -> Optional.of(Duration.ofNanos(amount * 1_000));
            case "ms" -> Optional.of(Duration.ofMillis(amount));
            case "s" -> Optional.of(Duration.ofSeconds(amount));
            case "min" -> Optional.of(Duration.ofMinutes(amount));
            case "hr" -> Optional.of(Duration.ofHours(amount));
            default -> Optional.empty();
        };
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
        String series = id.display();
        String unit = text(file, node, "scoreUnit", at);
        double score = finite(file, node.get("score"), at + ".score", series);
        // JMH writes "NaN" as the error of a single iteration: absent information, not bad data.
        double error = number(file, node.get("scoreError"), at + ".scoreError");
        if (Double.isInfinite(error)) {
            throw new InputException(file, at + ".scoreError", series + ": infinite error");
        }
        Map<String, Double> percentiles = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.path("scorePercentiles").properties()) {
            String pAt = at + ".scorePercentiles." + e.getKey();
            percentiles.put(e.getKey(), finite(file, e.getValue(), pAt, series));
        }
        List<List<Double>> raw = new ArrayList<>();
        List<List<List<HistogramBin>>> histograms = new ArrayList<>();
        if (node.has("rawDataHistogram")) {
            histograms =
                    histograms(
                            file, node.get("rawDataHistogram"), at + ".rawDataHistogram", series);
            for (List<List<HistogramBin>> fork : histograms) {
                raw.add(fork.stream().map(JmhResultReader::histogramMean).toList());
            }
        } else if (node.has("rawData")) {
            raw = rawData(file, node.get("rawData"), at + ".rawData", series);
        } else {
            throw new InputException(
                    file,
                    at + ".rawData",
                    series + ": neither rawData nor rawDataHistogram present");
        }
        return new Measurement(
                id, unit, threads, forks, score, error, percentiles, raw, histograms);
    }

    private static List<List<Double>> rawData(Path file, JsonNode node, String at, String series) {
        requireNonEmptyArray(file, node, at, series, "no forks");
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < node.size(); f++) {
            JsonNode fork = node.get(f);
            String forkAt = at + "[" + f + "]";
            requireNonEmptyArray(file, fork, forkAt, series, "a fork with no iterations");
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                values.add(finite(file, fork.get(i), forkAt + "[" + i + "]", series));
            }
            forks.add(values);
        }
        return forks;
    }

    private static List<List<List<HistogramBin>>> histograms(
            Path file, JsonNode node, String at, String series) {
        requireNonEmptyArray(file, node, at, series, "no forks");
        List<List<List<HistogramBin>>> forks = new ArrayList<>();
        for (int f = 0; f < node.size(); f++) {
            JsonNode fork = node.get(f);
            String forkAt = at + "[" + f + "]";
            requireNonEmptyArray(file, fork, forkAt, series, "a fork with no iterations");
            List<List<HistogramBin>> iterations = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                JsonNode iteration = fork.get(i);
                String itAt = forkAt + "[" + i + "]";
                requireNonEmptyArray(file, iteration, itAt, series, "an iteration with no samples");
                List<HistogramBin> bins = new ArrayList<>();
                for (int b = 0; b < iteration.size(); b++) {
                    JsonNode pair = iteration.get(b);
                    String binAt = itAt + "[" + b + "]";
                    if (!pair.isArray() || pair.size() != 2) {
                        throw new InputException(file, binAt, series + ": expected [value, count]");
                    }
                    double count = finite(file, pair.get(1), binAt + "[1]", series);
                    if (count < 0 || count != Math.rint(count)) {
                        throw new InputException(
                                file, binAt + "[1]", series + ": not a sample count: " + count);
                    }
                    double value = finite(file, pair.get(0), binAt + "[0]", series);
                    if (count > 0) bins.add(new HistogramBin(value, (long) count));
                }
                if (bins.isEmpty()) {
                    throw new InputException(file, itAt, series + ": an iteration with no samples");
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
        return sum / n;
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

    /**
     * A number that must be finite: a measured value. NaN, infinities, null and absence are input
     * errors naming the field and the series, never values silently skipped.
     */
    static double finite(Path file, JsonNode v, String at, String series) {
        double d = number(file, v, at);
        if (!Double.isFinite(d)) {
            String what = v == null || v.isNull() ? "missing" : "not a finite number (" + d + ")";
            throw new InputException(file, at, series + ": " + what);
        }
        return d;
    }

    private static void requireNonEmptyArray(
            Path file, JsonNode node, String at, String series, String emptyMeans) {
        if (node == null || !node.isArray())
            throw new InputException(file, at, series + ": expected an array");
        if (node.isEmpty()) throw new InputException(file, at, series + ": " + emptyMeans);
    }

    private static String jvmOf(JsonNode entry) {
        String vm = entry.path("vmName").asText("");
        String version = entry.path("jdkVersion").asText("");
        String s = (vm + " " + version).trim();
        return s.isEmpty() ? "unknown" : s;
    }
}
