package dev.dualpath.bench.stub;

import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;

/**
 * A JMH hook (an external profiler that measures nothing) that starts a fork under {@code taskset
 * -c CPU}: the fork's JVM then sees one CPU and makes a 1-CPU container's choices — one CPU for the
 * benchmark, its JIT and its GC, and the collector the JVM picks there (Serial) — and a thread the
 * benchmark starts or wakes runs on the same CPU as the thread that waits for it.
 *
 * <p>Why a plan asks for it: a path that hands each call to another thread (a thread per call, a
 * pool) costs what the hand-off between two CPUs costs, and on a 2-vCPU VM that moved by 13–17 %
 * from one fork to the next (the in-memory per-call loop, 10 forks each way, interleaved); on one
 * CPU, by 5 %. A plan that must resolve such a path's cost with few forks measures the 1-CPU cost
 * and says so; the two-CPU cost is the full profile's.
 *
 * <p>Init line: the CPU id, e.g. {@code 1}; empty: the fork is not pinned.
 */
public final class OneCpuForks implements ExternalProfiler {

    private static final Pattern CPU_ID = Pattern.compile("\\d+");

    private final String cpu;

    /**
     * @param initLine the CPU id, or empty for none
     * @throws IllegalArgumentException if the line is neither empty nor one CPU id
     */
    public OneCpuForks(String initLine) {
        String line = initLine == null ? "" : initLine.strip();
        if (!line.isEmpty() && !CPU_ID.matcher(line).matches()) {
            throw new IllegalArgumentException(
                    "OneCpuForks needs one CPU id (e.g. 1) or nothing, got '" + initLine + "'");
        }
        this.cpu = line;
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return CpuPinning.prefix(cpu);
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public void beforeTrial(BenchmarkParams benchmarkParams) {
        // Nothing to do: the fork's command is all this hook changes.
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

    @Override
    public String getDescription() {
        return "starts the fork pinned to one CPU";
    }
}
