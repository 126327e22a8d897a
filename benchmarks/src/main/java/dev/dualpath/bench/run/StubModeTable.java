package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.Measurement;
import java.util.Map;

/**
 * The same loopback calls with the stub in the benchmark's JVM and in a JVM of its own, side by
 * side: the client's p50 and p99, bytes per op, and the stub's own service time per call with its
 * spread over forks. Where the stub shares the client's process, its service time moves with what
 * the client does beside it, and {@code -prof gc} counts its allocations as the client's.
 */
final class StubModeTable {

    static final String STUB_MODE = "stubMode";

    /** The section, or "" when no loopback setting ran in both modes. */
    String markdown(RunIndex index) {
        StringBuilder rows = new StringBuilder();
        RunIndex.groupWithout(index.primaries(FloorTable.LOOPBACK), STUB_MODE)
                .forEach(
                        (params, group) -> {
                            if (group.size() < 2) {
                                return;
                            }
                            group.sort(
                                    java.util.Comparator.comparing(
                                            m -> m.id().params().get(STUB_MODE)));
                            for (Measurement m : group) {
                                rows.append(row(index, params, m));
                            }
                        });
        if (rows.length() == 0) {
            return "";
        }
        return "### The stub in process against out of process (loopback)\n\n"
                + "| setting | stub | forks | p50 µs | p99 µs | mean µs | B/op | stub µs/call"
                + " [fork range] | stub CPU µs/call | fork CPUs busy |\n"
                + "|---|---|---:|---:|---:|---:|---:|---|---:|---:|\n"
                + rows
                + "\nstub µs/call: the stub's own service time per call (processing and sending,"
                + " the injected delay excluded), read on the stub's side; out of process it no"
                + " longer shares a JVM or, when pinned, a CPU with the client. B/op counts every"
                + " thread of the benchmark's JVM: in process, the stub's too.\n\n";
    }

    private static String row(RunIndex index, Map<String, String> params, Measurement m) {
        String stub = m.id().params().get(STUB_MODE);
        String serviceRange =
                index.secondarySeries(m, StrategyTable.STUB)
                        .map(s -> StrategyTable.num(s.score()) + " " + RunIndex.forkRange(s))
                        .orElse("—");
        return "| "
                + FloorTable.label(params)
                + " | "
                + stub
                + " | "
                + m.forkMeans().size()
                + " | "
                + StrategyTable.num(m.percentiles().getOrDefault("50.0", Double.NaN))
                + " | "
                + StrategyTable.num(m.percentiles().getOrDefault("99.0", Double.NaN))
                + " | "
                + StrategyTable.num(m.score())
                + " | "
                + StrategyTable.num(index.secondary(m, StrategyTable.ALLOC))
                + " | "
                + serviceRange
                + " | "
                + StrategyTable.num(index.secondary(m, "stub.cpu.norm"))
                + " | "
                + StrategyTable.num(index.secondary(m, "fork.cpu.util"))
                + " |\n";
    }
}
