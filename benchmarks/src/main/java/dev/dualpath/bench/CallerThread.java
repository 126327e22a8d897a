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
 * thread (the in-process stub's ~60 KB per request included,
 * docs/calibration.md#the-gc-profiler-counts-every-thread), this counts only the JMH worker threads
 * that make the calls; work a client hands to its own threads (OkHttp's dispatcher, continuation
 * pools) is not in it.
 *
 * <p>Iteration-level helpers of a thread-scoped state run on the worker thread itself, so this
 * reads the current thread's counter once per iteration, never per call.
 */
@State(Scope.Thread)
public class CallerThread {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long bytesAtStart;

    @Setup(Level.Iteration)
    public void start() {
        bytesAtStart = THREADS.getCurrentThreadAllocatedBytes();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        CallMeter.callerBytes(THREADS.getCurrentThreadAllocatedBytes() - bytesAtStart);
    }
}
