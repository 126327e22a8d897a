package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.ForkRounds;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.stats.Bootstrap;

/**
 * The body of {@code summary.md}: the strategy table, then the sections that apply to the run —
 * what each path adds to the client under it, the stub in process against out of process, overhead
 * against body size, where an async call's time goes, concurrency against the ideal rate, the batch
 * table, the streaming tables and the shared helpers alone; last, the forks measured on a disturbed
 * machine or still warming up. Every figure is read from the run's {@code jmh.json}.
 */
public final class RunSummary {

    private final Bootstrap bootstrap;

    public RunSummary(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * The heading and the preamble of {@code summary.md} for a run of {@code profile}, with the
     * line that says whether idle CPUs were kept from halting.
     *
     * @param profile the profile's name
     * @param cpuWake {@code env.json}'s {@code cpuWake}: "held: ..." or "not held: why"
     */
    public static String header(String profile, String cpuWake) {
        return header(profile)
                + "Idle CPUs kept from halting (`--keep-cpus-awake`, `env.json` `cpuWake`): "
                + cpuWake
                + ".\n\n";
    }

    /**
     * The top of {@code summary.md} for a run that did not record whether its idle CPUs were kept
     * from halting (older runs, other tools' folders).
     *
     * @param profile the profile's name
     */
    public static String header(String profile) {
        return "# dualpath run — profile "
                + profile
                + "\n\n"
                + "Every figure below is read from `jmh.json` in this folder; the machine is in"
                + " `env.json`.\n"
                + "Overheads are differences of fork means in this run, with 95 % bootstrap"
                + " intervals over forks. Each plan's forks ran interleaved in rounds (one fork of"
                + " every series per round, in a random order; `rounds.json`), so two series of"
                + " one plan are compared round by round: the interval resamples rounds, pairing"
                + " fork i of one with fork i of the other.\n\n";
    }

    /**
     * The Markdown.
     *
     * @param run the run's results
     * @param rounds the order its forks ran in ({@link ForkRounds#NONE} for a run that did not
     *     interleave them: nothing is then paired)
     */
    public String markdown(JmhRun run, ForkRounds rounds) {
        RunIndex index = new RunIndex(run, rounds);
        return new StrategyTable(bootstrap).markdown(index)
                + new FloorTable(bootstrap).markdown(index)
                + new PairedFloorTable(bootstrap).markdown(index)
                + new StubModeTable().markdown(index)
                + new BodySizeTable(bootstrap).markdown(index)
                + new HopTable().markdown(index)
                + new IdealRateTable().markdown(index)
                + new BatchTable(bootstrap).markdown(run)
                + new StreamingTable(bootstrap).markdown(run)
                + new HelperTable().markdown(index)
                + new FlaggedForksTable().markdown(index);
    }
}
