package dev.dualpath.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One call's {@link HandOff} stamps ({@link System#nanoTime()}), written by whichever thread
 * reaches each point and read by the caller at the end: an atomic array, because the transport's
 * thread stamps {@link HandOff#EXCHANGED} with no happens-before edge to the caller's read.
 */
final class HandOffStamps {

    /** A point not stamped. */
    static final long UNSET = Long.MIN_VALUE;

    private final AtomicLongArray nanos = new AtomicLongArray(HandOff.values().length);

    HandOffStamps() {
        for (int i = 0; i < nanos.length(); i++) {
            nanos.set(i, UNSET);
        }
        mark(HandOff.START);
    }

    /** Stamps {@code point} now. */
    @SuppressWarnings("EnumOrdinal") // HandOff's order is the call's; its ordinal is the slot
    void mark(HandOff point) {
        nanos.set(point.ordinal(), System.nanoTime());
    }

    /**
     * The hops of this call: for each stamped point after the first, the nanoseconds since the
     * stamped point before it, which is negative when two threads on two CPUs stamped out of order
     * (a woken caller before its waker's last stamp), so that the hops always sum to the call;
     * {@link #UNSET} for points not stamped.
     */
    long[] hops() {
        long[] hops = new long[nanos.length()];
        long previous = nanos.get(0);
        hops[0] = UNSET;
        for (int i = 1; i < hops.length; i++) {
            long t = nanos.get(i);
            if (t == UNSET) {
                hops[i] = UNSET;
            } else {
                hops[i] = t - previous;
                previous = t;
            }
        }
        return hops;
    }
}
