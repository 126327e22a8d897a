package dev.dualpath.conformance.fake;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What serving has cost a stub so far, cumulative since it started: its own service time for chat
 * requests and, when it runs in a JVM of its own, that JVM's CPU time. Two readings subtract to a
 * window ({@link #minus}).
 *
 * @param serviceTime the stub's service time per chat request (see {@link ServiceTime})
 * @param processCpuNanos CPU time, in nanoseconds, of the stub's own process (every thread, user
 *     and system); empty when the stub shares its caller's process, where no figure could tell the
 *     two apart
 */
public record StubUsage(ServiceTime serviceTime, OptionalLong processCpuNanos) {

    /** Nothing served yet, in no process of its own. */
    public static final StubUsage NONE = new StubUsage(ServiceTime.NONE, OptionalLong.empty());

    /**
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if the CPU time is negative
     */
    public StubUsage {
        Objects.requireNonNull(serviceTime, "serviceTime");
        Objects.requireNonNull(processCpuNanos, "processCpuNanos");
        if (processCpuNanos.isPresent() && processCpuNanos.getAsLong() < 0) {
            throw new IllegalArgumentException(
                    "processCpuNanos must be >= 0, was " + processCpuNanos.getAsLong());
        }
    }

    /**
     * What was used between {@code earlier} and this reading; the CPU time only when both readings
     * have one.
     *
     * @throws IllegalArgumentException if {@code earlier} is ahead of this reading
     */
    public StubUsage minus(StubUsage earlier) {
        OptionalLong cpu = OptionalLong.empty();
        if (processCpuNanos.isPresent() && earlier.processCpuNanos.isPresent()) {
            long d = processCpuNanos.getAsLong() - earlier.processCpuNanos.getAsLong();
            if (d < 0) {
                throw new IllegalArgumentException(
                        "earlier reading " + earlier + " is ahead of " + this);
            }
            cpu = OptionalLong.of(d);
        }
        return new StubUsage(serviceTime.minus(earlier.serviceTime), cpu);
    }
}
