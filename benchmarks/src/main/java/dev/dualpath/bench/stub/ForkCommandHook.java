package dev.dualpath.bench.stub;

import java.io.File;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

/**
 * A JMH profiler that measures nothing and only shapes the fork: its command ({@link
 * #addJVMInvokeOptions}, {@link #addJVMOptions}) and, inside it, what runs before an iteration. A
 * profiler because JMH lets a profiler prefix the fork's command, which its options cannot. The
 * rest of both profiler interfaces does nothing here.
 */
abstract class ForkCommandHook implements ExternalProfiler, InternalProfiler {

    private boolean compilersFreed;

    /**
     * In the fork, once: moves the JIT compiler threads onto {@code jitCpus} ({@link
     * CpuPinning#freeCompilerThreads}), so that a fork pinned to fewer CPUs does not compile on the
     * CPU it measures on; nothing when {@code jitCpus} is empty.
     */
    protected final void freeCompilersOnce(String jitCpus) {
        if (!compilersFreed && !jitCpus.isEmpty()) {
            CpuPinning.freeCompilerThreads(jitCpus);
            compilersFreed = true;
        }
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public void beforeIteration(BenchmarkParams params, IterationParams iteration) {
        // Nothing by default.
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw Result type
    public Collection<? extends Result> afterIteration(
            BenchmarkParams params, IterationParams iteration, IterationResult result) {
        return List.of();
    }

    @Override
    public void beforeTrial(BenchmarkParams benchmarkParams) {
        // Nothing to do: the fork's command is what a hook changes.
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's ExternalProfiler declares the raw Result type
    public Collection<? extends Result> afterTrial(
            BenchmarkResult br, long pid, File stdOut, File stdErr) {
        return List.of();
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }
}
