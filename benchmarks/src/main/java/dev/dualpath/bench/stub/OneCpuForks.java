package dev.dualpath.bench.stub;

import java.util.Collection;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

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
 * <p>Its JIT compiler threads, though, are let out onto the run's CPUs before the first iteration
 * ({@link CpuPinning#freeCompilerThreads}), as the loopback forks' are: compiling on the one CPU it
 * measures on, a fork of the quick profile's first one-CPU run was still compiling for more than
 * its whole measured time after 4 s of warm-up, and its calibration loop, slowed by the compiles
 * beside it, marked the fork as measured on a disturbed machine.
 *
 * <p>Init line: {@code CPU} or {@code CPU;jit=CPUS}, e.g. {@code 1;jit=0,1}; empty: the fork is not
 * pinned. Without {@code jit} the compiler threads stay on the fork's CPU.
 */
public final class OneCpuForks extends ForkCommandHook {

    private static final Pattern LINE = Pattern.compile("(\\d+)?(;jit=([\\d,\\-]*))?");

    private final String cpu;
    private final String jitCpus;

    /**
     * @param initLine see the class comment
     * @throws IllegalArgumentException if the line is not of that form
     */
    public OneCpuForks(String initLine) {
        String line = initLine == null ? "" : initLine.strip();
        var m = LINE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "OneCpuForks needs 'CPU' or 'CPU;jit=CPUS' (e.g. 1;jit=0,1) or nothing, got '"
                            + initLine
                            + "'");
        }
        this.cpu = m.group(1) == null ? "" : m.group(1);
        this.jitCpus = m.group(3) == null ? "" : m.group(3);
    }

    /** The init line for forks on {@code cpu} whose compiler threads run on {@code jitCpus}. */
    public static String initLine(String cpu, String jitCpus) {
        return cpu.isEmpty() ? "" : cpu + (jitCpus.isEmpty() ? "" : ";jit=" + jitCpus);
    }

    /** In the fork: frees the compiler threads before the first iteration (class comment). */
    @Override
    public void beforeIteration(BenchmarkParams params, IterationParams iteration) {
        if (!cpu.isEmpty()) {
            freeCompilersOnce(jitCpus);
        }
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return CpuPinning.prefix(cpu);
    }

    @Override
    public String getDescription() {
        return "starts the fork pinned to one CPU";
    }
}
