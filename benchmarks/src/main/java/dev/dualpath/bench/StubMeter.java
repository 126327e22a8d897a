package dev.dualpath.bench;

import dev.dualpath.conformance.fake.ServiceTime;
import dev.dualpath.conformance.fake.StubUsage;
import dev.dualpath.conformance.fake.SuccessStub;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Where {@link CallCostProfiler} reads the stub's own usage, so that a result can say how much of a
 * call was the stub's work ({@code stub.service.norm}) rather than the client's, and how busy the
 * stub's own process was ({@code stub.cpu.util}). A benchmark's trial setup registers the stub it
 * opened with {@link #watch(SuccessStub)}; the profiler reads it before and after each iteration,
 * over the same window as the call count. A stub in another process is read over HTTP, once per
 * iteration boundary, never per call.
 *
 * <p>One stub per benchmark JVM: a later {@code watch} replaces the earlier (a JMH fork runs one
 * trial; with {@code -f 0} trials follow each other). A stub that is closed but still watched is no
 * longer read. Thread-safe.
 */
public final class StubMeter {

    private static volatile Watched watched = new Watched(0, () -> StubUsage.NONE);

    private StubMeter() {}

    /** Reports {@code stub}'s usage from now on. */
    public static void watch(SuccessStub stub) {
        Objects.requireNonNull(stub, "stub");
        watch(stub::usage);
    }

    /** Reports {@code usage}'s readings from now on (for tests, and any other stub). */
    static synchronized void watch(Supplier<StubUsage> usage) {
        watched = new Watched(watched.stub + 1, Objects.requireNonNull(usage, "usage"));
    }

    /** Stops reading the stub registered as {@code stub}, if it is still the one watched. */
    static synchronized void forget(long stub) {
        if (watched.stub == stub) {
            watched = new Watched(stub + 1, () -> StubUsage.NONE);
        }
    }

    /**
     * The watched stub's cumulative usage now; {@link StubUsage#NONE} before any watch, or when the
     * stub cannot be read (a stub that went away must not fail a benchmark's iteration).
     */
    static Reading now() {
        Watched w = watched;
        StubUsage usage;
        try {
            usage = w.usage.get();
        } catch (RuntimeException e) {
            usage = StubUsage.NONE;
        }
        return new Reading(w.stub, usage, System.nanoTime());
    }

    /**
     * Mean stub service time per request between two readings, in microseconds: the figure behind
     * {@code stub.service.norm}. Per request the stub served rather than per call counted, so that
     * benchmarks that do not count calls get it too; each measured call is one request.
     *
     * @return empty when the stub served no request in between, or when another stub was watched in
     *     between (the first iteration of a trial starts before its setup registers the stub)
     */
    static OptionalDouble microsPerRequest(Reading before, Reading after) {
        return perRequest(before, after, ServiceTime::meanMicros);
    }

    /**
     * Mean residence per request in the stub between two readings, in microseconds ({@code
     * stub.residence.norm}): from the request's headers parsed to its last byte sent, the injected
     * delay as the stub's timer served it included ({@link ServiceTime}).
     *
     * @return empty as {@link #microsPerRequest}
     */
    static OptionalDouble residenceMicrosPerRequest(Reading before, Reading after) {
        return perRequest(before, after, ServiceTime::meanResidenceMicros);
    }

    /**
     * {@code mean} of what the same stub served between two readings; empty when it served none.
     */
    private static OptionalDouble perRequest(
            Reading before, Reading after, ToDoubleFunction<ServiceTime> mean) {
        if (!sameStubServed(before, after)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(
                mean.applyAsDouble(
                        after.usage().serviceTime().minus(before.usage().serviceTime())));
    }

    /**
     * The stub process's CPU time per request between two readings, in microseconds ({@code
     * stub.cpu.norm}): every thread of the stub's JVM, JIT and GC included.
     *
     * @return empty as {@link #microsPerRequest}, or when the stub has no process of its own
     */
    static OptionalDouble cpuMicrosPerRequest(Reading before, Reading after) {
        if (!sameStubServed(before, after) || !hasCpu(before, after)) {
            return OptionalDouble.empty();
        }
        StubUsage window = after.usage().minus(before.usage());
        return OptionalDouble.of(
                window.processCpuNanos().getAsLong() / 1_000.0 / window.serviceTime().requests());
    }

    /**
     * How many CPUs the stub's process kept busy between two readings ({@code stub.cpu.util}): its
     * CPU time over the wall time; 1.0 is one CPU saturated.
     *
     * @return empty as {@link #cpuMicrosPerRequest}
     */
    static OptionalDouble cpuUtilisation(Reading before, Reading after) {
        long wall = after.nanoTime() - before.nanoTime();
        if (!sameStubServed(before, after) || !hasCpu(before, after) || wall <= 0) {
            return OptionalDouble.empty();
        }
        long cpu =
                after.usage().processCpuNanos().getAsLong()
                        - before.usage().processCpuNanos().getAsLong();
        return OptionalDouble.of((double) Math.max(0, cpu) / wall);
    }

    private static boolean sameStubServed(Reading before, Reading after) {
        ServiceTime earlier = before.usage().serviceTime();
        ServiceTime later = after.usage().serviceTime();
        return before.stub() == after.stub()
                && later.requests() > earlier.requests()
                && later.totalNanos() >= earlier.totalNanos()
                && later.residenceNanos() >= earlier.residenceNanos();
    }

    private static boolean hasCpu(Reading before, Reading after) {
        return before.usage().processCpuNanos().isPresent()
                && after.usage().processCpuNanos().isPresent()
                && after.usage().processCpuNanos().getAsLong()
                        >= before.usage().processCpuNanos().getAsLong();
    }

    /**
     * One reading.
     *
     * @param stub which registration it was read from (0: none yet; each {@code watch} adds one)
     * @param usage the stub's cumulative usage
     * @param nanoTime when it was read ({@link System#nanoTime()})
     */
    record Reading(long stub, StubUsage usage, long nanoTime) {}

    private record Watched(long stub, Supplier<StubUsage> usage) {}
}
