package dev.dualpath.adapter.transport;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

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

    private final @Nullable Thread caller;
    private final long deadlineNanos;
    private final long bodySilenceNanos;
    private final boolean streaming;
    private volatile boolean awaiting;
    private volatile @Nullable Thread reader;
    private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.RUNNING);
    private volatile boolean headersReceived;
    private volatile long lastProgressNanos;
    private volatile @Nullable Runnable abort;

    /**
     * @param caller the blocked thread whose interrupt aborts the call, or null (async)
     * @param deadlineNanos {@link System#nanoTime()} by which the whole attempt must be done
     * @param bodySilenceNanos longest allowed gap between body bytes once the headers arrived, or 0
     *     when the client enforces it itself (a socket timeout)
     */
    InFlightCall(@Nullable Thread caller, long deadlineNanos, long bodySilenceNanos) {
        this(caller, deadlineNanos, bodySilenceNanos, false);
    }

    private InFlightCall(
            @Nullable Thread caller, long deadlineNanos, long bodySilenceNanos, boolean streaming) {
        this.caller = caller;
        this.deadlineNanos = deadlineNanos;
        this.bodySilenceNanos = bodySilenceNanos;
        this.streaming = streaming;
    }

    /**
     * An exchange whose body is a stream read at the consumer's pace: {@code headersDeadlineNanos}
     * bounds only the wait for the headers (a stream may rightly last longer than any request
     * timeout), and {@code idleNanos} only the silences while bytes are awaited ({@link
     * #awaiting}), never a pause of the consumer's own.
     *
     * @param idleNanos longest silence while bytes are awaited, or 0 when the client enforces it
     */
    static InFlightCall forStream(long headersDeadlineNanos, long idleNanos) {
        return new InFlightCall(null, headersDeadlineNanos, idleNanos, true);
    }

    /**
     * Streams: bytes were asked for; the silence clock runs from now until they arrive, and {@code
     * readerThread}, if not null, is blocked reading them (its interrupt aborts the call).
     */
    void awaiting(@Nullable Thread readerThread) {
        reader = readerThread;
        lastProgressNanos = System.nanoTime();
        awaiting = true;
    }

    /** Streams: the bytes asked for arrived (or the read ended); the consumer's pause is free. */
    void received() {
        awaiting = false;
        reader = null;
        lastProgressNanos = System.nanoTime();
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
        return caller != null || reader != null;
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
        // Starts RUNNING and only moves to another constant: never null.
        return Objects.requireNonNull(outcome.get());
    }

    @Override
    public boolean check(long nowNanos) {
        if (outcome.get() != Outcome.RUNNING) {
            return true;
        }
        Thread blocked = caller != null ? caller : reader;
        if (blocked != null && blocked.isInterrupted()) {
            return abort(Outcome.INTERRUPTED);
        }
        if (streaming) {
            boolean late =
                    headersReceived
                            ? awaiting
                                    && bodySilenceNanos > 0
                                    && nowNanos - lastProgressNanos >= bodySilenceNanos
                            : nowNanos - deadlineNanos >= 0;
            return late && abort(Outcome.TIMED_OUT);
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
