package dev.dualpath.bench;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Add as an argument to a benchmark method to count the bytes its calling thread allocates, for
 * {@link CallCostProfiler}'s {@code caller.alloc.norm}. Unlike {@code -prof gc}, which counts every
 * thread of the benchmark's JVM (with {@code stubMode=IN_PROCESS} the stub's ~60 KB per request
 * too, docs/calibration.md#the-gc-profiler-counts-every-thread), this counts only the JMH worker
 * threads that make the calls; work a client hands to its own threads (OkHttp's dispatcher,
 * continuation pools) is not in it.
 *
 * <p>It also counts the calling thread's CPU time ({@code caller.cpu.norm}: a strategy that hands
 * its work to another thread spends less here and more elsewhere) and its voluntary context
 * switches ({@code caller.csw.norm}, from {@code /proc/thread-self/status} on Linux: each time the
 * caller blocked waiting for another thread). Neither depends on how fast the machine is, so they
 * resolve changes that wall time on a noisy machine cannot.
 *
 * <p>Iteration-level helpers of a thread-scoped state run on the worker thread itself, so this
 * reads the current thread's counters once per iteration, never per call.
 */
@State(Scope.Thread)
public class CallerThread {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long bytesAtStart;
    private long cpuAtStart;
    private long switchesAtStart;

    @Setup(Level.Iteration)
    public void start() {
        bytesAtStart = THREADS.getCurrentThreadAllocatedBytes();
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
        switchesAtStart = ThreadSwitches.voluntary();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        CallMeter.callerBytes(THREADS.getCurrentThreadAllocatedBytes() - bytesAtStart);
        CallMeter.callerCpuNanos(THREADS.getCurrentThreadCpuTime() - cpuAtStart);
        long switches = ThreadSwitches.voluntary();
        if (switches >= 0 && switchesAtStart >= 0) {
            CallMeter.callerSwitches(switches - switchesAtStart);
        }
    }
}
