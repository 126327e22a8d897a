package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DIRECT}'s overhead over the raw blocking call against the response body's size, in memory
 * and on loopback, beside what parsing a body of that size costs alone ({@code
 * HelperCostBenchmark.processResponse}, streaming reader, when the run has it): the overhead should
 * grow as the parse cost does, and no faster.
 */
final class BodySizeTable {

    static final String BODY = "bodyBytes";
    static final String PARSE = "HelperCostBenchmark.processResponse";
    static final List<String> BENCHMARKS =
            List.of("InMemoryOverheadBenchmark.call", FloorTable.LOOPBACK);

    private final Bootstrap bootstrap;

    BodySizeTable(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The section, or "" when no benchmark ran at two body sizes. */
    String markdown(RunIndex index) {
        StringBuilder md = new StringBuilder();
        for (String benchmark : BENCHMARKS) {
            RunIndex.groupWithout(index.primaries(benchmark), StrategyTable.PATH, BODY)
                    .forEach((params, group) -> section(md, index, benchmark, params, group));
        }
        if (md.length() == 0) {
            return "";
        }
        return "### Overhead against body size\n\n"
                + md
                + "overhead ÷ parse: DIRECT's overhead over the raw call divided by the cost of"
                + " parsing that body alone (streaming reader, HelperCostBenchmark in this run);"
                + " about constant means the overhead grows as the body's parse cost does.\n\n";
    }

    private void section(
            StringBuilder md,
            RunIndex index,
            String benchmark,
            Map<String, String> params,
            List<Measurement> group) {
        List<String> sizes =
                group.stream()
                        .map(m -> m.id().params().get(BODY))
                        .distinct()
                        .sorted(Comparator.comparingLong(Long::parseLong))
                        .toList();
        if (sizes.size() < 2) {
            return;
        }
        StringBuilder rows = new StringBuilder();
        for (String size : sizes) {
            Optional<Measurement> raw = find(group, StrategyTable.RAW, size);
            Optional<Measurement> direct = find(group, StrategyTable.DIRECT, size);
            if (raw.isEmpty() || direct.isEmpty()) {
                continue;
            }
            rows.append(row(index, size, raw.get(), direct.get()));
        }
        if (rows.length() == 0) {
            return;
        }
        md.append("**")
                .append(benchmark)
                .append("** ")
                .append(FloorTable.label(params))
                .append("\n\n")
                .append(
                        "| body B | RAW_BLOCKING µs | DIRECT µs | DIRECT − raw µs (95% CI) |"
                                + " RAW_BLOCKING B/op | DIRECT B/op | DIRECT − raw B/op | parse µs"
                                + " | overhead ÷ parse |\n")
                .append("|---:|---:|---:|---|---:|---:|---:|---:|---:|\n")
                .append(rows)
                .append('\n');
    }

    private String row(RunIndex index, String size, Measurement raw, Measurement direct) {
        double toMicros = RunIndex.microsPer(direct.unit());
        ConfidenceInterval ci =
                bootstrap.differenceOfMeans(
                        RunIndex.forkMeans(direct),
                        RunIndex.forkMeans(raw),
                        index.paired(direct, raw));
        double overheadMicros = ci.point() * toMicros;
        String difference =
                ci.isDefined()
                        ? String.format(
                                Locale.ROOT,
                                "%s [%s, %s]",
                                StrategyTable.num(overheadMicros),
                                StrategyTable.num(ci.lower() * toMicros),
                                StrategyTable.num(ci.upper() * toMicros))
                        : StrategyTable.num(overheadMicros) + " (no CI)";
        double rawBytes = index.secondary(raw, StrategyTable.ALLOC);
        double directBytes = index.secondary(direct, StrategyTable.ALLOC);
        double parse = parseMicros(index, size);
        return "| "
                + size
                + " | "
                + StrategyTable.num(raw.score() * toMicros)
                + " | "
                + StrategyTable.num(direct.score() * toMicros)
                + " | "
                + difference
                + " | "
                + StrategyTable.num(rawBytes)
                + " | "
                + StrategyTable.num(directBytes)
                + " | "
                + StrategyTable.num(directBytes - rawBytes)
                + " | "
                + StrategyTable.num(parse)
                + " | "
                + StrategyTable.num(overheadMicros / parse)
                + " |\n";
    }

    /** The streaming reader's cost for a body of {@code size}, µs; NaN when not in the run. */
    private static double parseMicros(RunIndex index, String size) {
        return index.primaries(PARSE).stream()
                .filter(m -> size.equals(m.id().params().get(BODY)))
                .filter(m -> "STREAM".equals(m.id().params().get("reader")))
                .findFirst()
                .map(m -> m.score() * RunIndex.microsPer(m.unit()))
                .orElse(Double.NaN);
    }

    private static Optional<Measurement> find(List<Measurement> group, String path, String size) {
        return group.stream()
                .filter(m -> path.equals(m.id().params().get(StrategyTable.PATH)))
                .filter(m -> size.equals(m.id().params().get(BODY)))
                .findFirst();
    }
}
