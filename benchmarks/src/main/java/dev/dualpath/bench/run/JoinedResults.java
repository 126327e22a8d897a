package dev.dualpath.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.WorkloadParams;

/**
 * Single-fork JMH results joined per series into one result of as many forks, by JMH's own
 * aggregation ({@link RunResult}), so that {@code jmh.json} reads like a run of {@code -f N} with
 * fork i measured in round i.
 */
final class JoinedResults {

    private JoinedResults() {}

    /** Each series' forks, in round order, joined into one result as if JMH had run them all. */
    static List<RunResult> join(
            List<ForkSchedule> schedules,
            Map<ForkSchedule.Series, List<BenchmarkResult>> results,
            Map<ForkSchedule.Series, BenchmarkParams> params) {
        List<RunResult> joined = new ArrayList<>();
        for (ForkSchedule schedule : schedules) {
            for (ForkSchedule.Series series : schedule.series()) {
                List<BenchmarkResult> all = results.get(series);
                if (all != null) {
                    joined.add(new RunResult(withForks(params.get(series), all.size()), all));
                }
            }
        }
        return joined;
    }

    /** {@code p} as if JMH had run {@code forks} forks of it. */
    private static BenchmarkParams withForks(BenchmarkParams p, int forks) {
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (String key : p.getParamsKeys()) {
            workload.put(key, p.getParam(key), order++);
        }
        return new BenchmarkParams(
                p.getBenchmark(),
                p.generatedBenchmark(),
                p.shouldSynchIterations(),
                p.getThreads(),
                p.getThreadGroups(),
                p.getThreadGroupLabels(),
                forks,
                p.getWarmupForks(),
                p.getWarmup(),
                p.getMeasurement(),
                p.getMode(),
                workload,
                p.getTimeUnit(),
                p.getOpsPerInvocation(),
                p.getJvm(),
                p.getJvmArgs(),
                p.getJdkVersion(),
                p.getVmName(),
                p.getVmVersion(),
                p.getJmhVersion(),
                p.getTimeout());
    }
}
