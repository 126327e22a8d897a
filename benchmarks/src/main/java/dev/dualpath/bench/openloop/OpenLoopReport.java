package dev.dualpath.bench.openloop;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code openloop.json} and {@code openloop.md}: per strategy, the counts and the percentiles raw
 * and corrected side by side, with the machine and the settings. Numbers are formatted with {@link
 * Locale#ROOT}.
 *
 * @param host the machine that launched the run
 * @param settings what every strategy ran with
 * @param results one per strategy, in run order
 */
public record OpenLoopReport(
        JvmInfo host, OpenLoopSettings settings, List<StrategyResult> results) {

    /** File names in the output folder. */
    public static final String JSON = "openloop.json";

    public static final String MARKDOWN = "openloop.md";

    public OpenLoopReport {
        results = List.copyOf(results);
    }

    /**
     * Writes both files into {@code outDir}.
     *
     * @throws IOException if one cannot be written
     */
    public void write(Path outDir) throws IOException {
        Files.writeString(outDir.resolve(JSON), json(), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve(MARKDOWN), markdown(), StandardCharsets.UTF_8);
    }

    /** Whether any strategy FAILED (measured nothing). */
    public boolean anyFailed() {
        return results.stream().anyMatch(r -> r.status() == StrategyResult.Status.FAILED);
    }

    /** Whether every strategy is OK. */
    public boolean allOk() {
        return results.stream().allMatch(r -> r.status() == StrategyResult.Status.OK);
    }

    /** The JSON document, pretty-printed, ending in a newline. */
    public String json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("unit", HgrmWriter.UNIT);
        doc.put("hgrmScalingRatio", HgrmWriter.SCALING_RATIO);
        doc.put(
                "latency",
                "raw: from a caller's actual start; corrected: from the intended start on the fixed"
                        + " schedule");
        doc.put("host", host);
        doc.put("settings", settings);
        doc.put("strategies", results);
        try {
            return OpenLoopJson.MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown report. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Open-loop latency\n\n");
        ArrivalSchedule schedule = settings.schedule();
        JvmInfo jvm =
                results.stream()
                        .map(StrategyResult::jvm)
                        .filter(j -> j != null)
                        .findFirst()
                        .orElse(host);
        md.append(
                String.format(
                        Locale.ROOT,
                        "Transport %s, injected delay %d ms, fixed arrival rate %d calls/s: %s"
                            + " warm-up, then %s measured (%d calls scheduled per strategy), %d"
                            + " caller threads. Each strategy ran in a fresh JVM against the fake"
                            + " provider (WireMock on 127.0.0.1).%n%n",
                        settings.transport(),
                        settings.delayMs(),
                        settings.ratePerSecond(),
                        seconds(settings.warmupMs()),
                        seconds(settings.durationMs()),
                        schedule.measuredCalls(),
                        settings.callers()));
        md.append(
                String.format(
                        Locale.ROOT,
                        "Machine: %d CPUs, %s %s, %s.%n%n",
                        jvm.cpus(),
                        jvm.name(),
                        jvm.version(),
                        jvm.os()));
        md.append(
                "**Corrected** latency runs from each call's intended start on the fixed schedule,"
                    + " **raw** from the moment a caller thread began it; the difference is time"
                    + " spent waiting behind earlier calls, which raw latency alone hides"
                    + " (coordinated omission). Values in µs, of successful measured calls"
                    + " (failures are counted, not recorded), as `raw / corrected`. Corrected also"
                    + " holds the recorder's own hand-off (waking the dispatcher and a caller"
                    + " thread: tens to hundreds of µs on a busy 2-CPU machine), alike for every"
                    + " strategy. Compare strategies with RAW_BLOCKING here, not with the nominal"
                    + " delay: WireMock's delay is a sleep that overshoots.\n\n");
        md.append("| strategy | status | calls | errors | p50 | p90 | p99 | p99.9 | max |\n");
        md.append("|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (StrategyResult r : results) {
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %d | %d | %s | %s | %s | %s | %s |%n",
                            r.strategy(),
                            r.status(),
                            r.count(),
                            r.errors() + r.notStarted() + r.unfinished(),
                            pair(r, Percentiles::p50Us),
                            pair(r, Percentiles::p90Us),
                            pair(r, Percentiles::p99Us),
                            pair(r, Percentiles::p999Us),
                            pair(r, Percentiles::maxUs)));
        }
        appendNotes(md);
        md.append(
                        "\n"
                            + "Files: `hgrm/<strategy>-raw.hgrm` and"
                            + " `hgrm/<strategy>-corrected.hgrm` (HdrHistogram percentile"
                            + " distributions; recorded in ns, written in µs with an output scaling"
                            + " ratio of 1000), `")
                .append(JSON)
                .append("`.\n");
        return md.toString();
    }

    private void appendNotes(StringBuilder md) {
        StringBuilder notes = new StringBuilder();
        for (StrategyResult r : results) {
            if (r.status() == StrategyResult.Status.FAILED) {
                notes.append("- ")
                        .append(r.strategy())
                        .append(" FAILED: ")
                        .append(r.failure())
                        .append('\n');
                continue;
            }
            if (r.status() == StrategyResult.Status.ERRORS) {
                notes.append(
                        String.format(
                                Locale.ROOT,
                                "- %s: %d failed, %d not started in time, %d unfinished; in the"
                                        + " warm-up %d; by kind: %s.%n",
                                r.strategy(),
                                r.errors(),
                                r.notStarted(),
                                r.unfinished(),
                                r.warmupErrors(),
                                kinds(r)));
            }
            if (r.notStarted() > 0) {
                notes.append(
                        String.format(
                                Locale.ROOT,
                                "- %s fell behind its schedule by more than %s: the calls it never"
                                    + " started are missing from its percentiles, which therefore"
                                    + " understate.%n",
                                r.strategy(),
                                seconds(r.settings().lateLimit().toMillis())));
            }
            if (r.peakInFlight() >= r.settings().callers()) {
                notes.append(
                        String.format(
                                Locale.ROOT,
                                "- %s: all %d callers were busy at once, so the caller pool "
                                        + "may have limited it; rerun with more callers.%n",
                                r.strategy(),
                                r.settings().callers()));
            }
        }
        if (notes.length() > 0) {
            md.append("\nNotes:\n\n").append(notes);
        }
    }

    private static String kinds(StrategyResult r) {
        StringBuilder s = new StringBuilder();
        r.errorKinds()
                .forEach(
                        (kind, n) ->
                                s.append(s.length() == 0 ? "" : ", ")
                                        .append(kind)
                                        .append(' ')
                                        .append(n));
        return s.toString();
    }

    private static String pair(StrategyResult r, Function<Percentiles, Double> which) {
        if (r.raw() == null || r.corrected() == null) {
            return "–";
        }
        return micros(which.apply(r.raw())) + " / " + micros(which.apply(r.corrected()));
    }

    /** Whole µs; one decimal below 10 µs, where a whole number would hide the difference. */
    static String micros(double us) {
        return us < 10
                ? String.format(Locale.ROOT, "%.1f", us)
                : String.format(Locale.ROOT, "%.0f", us);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0
                ? (millis / 1000) + " s"
                : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
