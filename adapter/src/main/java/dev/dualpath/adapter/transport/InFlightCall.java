package dev.dualpath.adapter.transport;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The watchdog's view of one exchange: its deadline, its progress, its phase and how it ended.
 * Exactly one of "finished normally" and "aborted" wins, decided by a compare-and-set, so a call
 * that completes at the instant it times out reports one outcome, never both.
 */
final class InFlightCall implements CallWatchdog.Watched {

    /** How the call ended, or {@link #RUNNING}. */
    enum Outcome {
        RUNNING,
        FINISHED,
        TIMED_OUT,
        INTERRUPTED
    }

    private final Thread caller;
    private final long deadlineNanos;
    private final long bodySilenceNanos;
    private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.RUNNING);
    private volatile boolean headersReceived;
    private volatile long lastProgressNanos;
    private volatile Runnable abort;

    /**
     * @param caller the blocked thread whose interrupt aborts the call, or null (async)
     * @param deadlineNanos {@link System#nanoTime()} by which the whole attempt must be done
     * @param bodySilenceNanos longest allowed gap between body bytes once the headers arrived, or 0
     *     when the client enforces it itself (a socket timeout)
     */
    InFlightCall(Thread caller, long deadlineNanos, long bodySilenceNanos) {
        this.caller = caller;
        this.deadlineNanos = deadlineNanos;
        this.bodySilenceNanos = bodySilenceNanos;
    }

    /** Sets what aborting does: close the stream, cancel the request, fail the future. */
    void onAbort(Runnable action) {
        this.abort = action;
    }

    /** The status line and headers arrived: later timeouts are body timeouts. */
    void headersReceived() {
        lastProgressNanos = System.nanoTime();
        headersReceived = true;
    }

    /** Returns true if a thread is blocked in this call (its interrupt aborts it). */
    boolean isBlocking() {
        return caller != null;
    }

    boolean isHeadersReceived() {
        return headersReceived;
    }

    /** Body bytes arrived: restarts the silence clock. */
    void progress() {
        lastProgressNanos = System.nanoTime();
    }

    /** Returns true if this call ended normally; false if the watchdog aborted it first. */
    boolean finish() {
        return outcome.compareAndSet(Outcome.RUNNING, Outcome.FINISHED);
    }

    Outcome outcome() {
        return outcome.get();
    }

    @Override
    public boolean check(long nowNanos) {
        if (outcome.get() != Outcome.RUNNING) {
            return true;
        }
        if (caller != null && caller.isInterrupted()) {
            return abort(Outcome.INTERRUPTED);
        }
        boolean overdue =
                nowNanos - deadlineNanos >= 0
                        || (bodySilenceNanos > 0
                                && headersReceived
                                && nowNanos - lastProgressNanos >= bodySilenceNanos);
        return overdue && abort(Outcome.TIMED_OUT);
    }

    private boolean abort(Outcome why) {
        if (outcome.compareAndSet(Outcome.RUNNING, why)) {
            Runnable action = abort;
            if (action != null) {
                action.run();
            }
        }
        return true;
    }
}
