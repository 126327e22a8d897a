package dev.dualpath.bench;

import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.ServiceTime;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Where {@link CallCostProfiler} reads the in-process stub's own service time, so that a result can
 * say how much of a call was the stub's work ({@code stub.service.norm}) rather than the client's.
 * A benchmark's trial setup registers the stub it started with {@link #watch(FakeProvider)}; the
 * profiler snapshots it before and after each iteration, over the same window as the call count.
 *
 * <p>One stub per benchmark JVM: a later {@code watch} replaces the earlier (a JMH fork runs one
 * trial; with {@code -f 0} trials follow each other). A stub that is closed but still watched
 * serves nothing more, so the next benchmark that registers none reports no figure. Thread-safe.
 */
public final class StubMeter {

    private static volatile Watched watched = new Watched(0, () -> ServiceTime.NONE);

    private StubMeter() {}

    /** Reports {@code provider}'s service time from now on. */
    public static void watch(FakeProvider provider) {
        Objects.requireNonNull(provider, "provider");
        watch(provider::serviceTime);
    }

    /** Reports {@code serviceTime}'s snapshots from now on (for tests, and any other stub). */
    static synchronized void watch(Supplier<ServiceTime> serviceTime) {
        watched = new Watched(watched.stub + 1, Objects.requireNonNull(serviceTime, "serviceTime"));
    }

    /**
     * The watched stub's cumulative service time now; {@link ServiceTime#NONE} before any watch.
     */
    static Reading now() {
        Watched w = watched;
        return new Reading(w.stub, w.serviceTime.get());
    }

    /**
     * Mean stub service time per request between two snapshots, in microseconds: the figure behind
     * {@code stub.service.norm}. Per request the stub served rather than per call counted, so that
     * benchmarks that do not count calls get it too; each measured call is one request.
     *
     * @return empty when the stub served no request in between, or when another stub was watched in
     *     between (the first iteration of a trial starts before its setup registers the stub)
     */
    static OptionalDouble microsPerRequest(Reading before, Reading after) {
        if (before.stub() != after.stub()
                || after.time().requests() <= before.time().requests()
                || after.time().totalNanos() < before.time().totalNanos()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(after.time().minus(before.time()).meanMicros());
    }

    /**
     * One snapshot.
     *
     * @param stub which registration it was read from (0: none yet; each {@code watch} adds one)
     * @param time the stub's cumulative service time
     */
    record Reading(long stub, ServiceTime time) {}

    private record Watched(long stub, Supplier<ServiceTime> serviceTime) {}
}
