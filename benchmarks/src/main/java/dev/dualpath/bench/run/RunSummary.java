package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.stats.Bootstrap;

/**
 * The body of {@code summary.md}: the strategy table, then the sections that apply to the run —
 * what each path adds to the client under it, the stub in process against out of process, overhead
 * against body size, where an async call's time goes, concurrency against the ideal rate, and the
 * batch table. Every figure is read from the run's {@code jmh.json}.
 */
public final class RunSummary {

    private final Bootstrap bootstrap;

    public RunSummary(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
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
                + new BatchTable(bootstrap).markdown(run);
    }
}
