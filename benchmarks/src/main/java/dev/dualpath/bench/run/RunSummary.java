package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.stats.Bootstrap;

/**
 * The body of {@code summary.md}: the strategy table, then the sections that apply to the run —
 * what each path adds to the client under it, the stub in process against out of process, overhead
 * against body size, where an async call's time goes, concurrency against the ideal rate, the batch
 * table, the streaming tables and the shared helpers alone. Every figure is read from the run's
 * {@code jmh.json}.
 */
public final class RunSummary {

    private final Bootstrap bootstrap;

    public RunSummary(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The heading and the preamble of {@code summary.md} for a run of {@code profile}. */
    public static String header(String profile) {
        return "# dualpath run — profile "
                + profile
                + "\n\n"
                + "Every figure below is read from `jmh.json` in this folder; the machine is in"
                + " `env.json`.\n"
                + "Overheads are differences of fork means in this run, with 95 % bootstrap"
                + " intervals over forks.\n\n";
    }

    /** The Markdown. */
    public String markdown(JmhRun run) {
        RunIndex index = new RunIndex(run);
        return new StrategyTable(bootstrap).markdown(run)
                + new FloorTable(bootstrap).markdown(index)
                + new StubModeTable().markdown(index)
                + new BodySizeTable(bootstrap).markdown(index)
                + new HopTable().markdown(index)
                + new IdealRateTable().markdown(index)
                + new BatchTable(bootstrap).markdown(run)
                + new StreamingTable(bootstrap).markdown(run)
                + new HelperTable().markdown(index);
    }
}
