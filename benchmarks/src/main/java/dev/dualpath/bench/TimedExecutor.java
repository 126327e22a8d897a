package dev.dualpath.bench;

import java.util.concurrent.Executor;

/**
 * An executor that stamps {@link HandOff#CONTINUED} and {@link HandOff#CONTINUATION_DONE} around
 * each task on {@code call}: the adapter's one continuation per attempt. For {@link
 * AsyncHopsBenchmark} only. A continuation that {@code invoke()}'s future hands straight to a
 * caller waiting in {@code join()} does not pass through here and is not stamped.
 */
final class TimedExecutor implements Executor {

    private final Executor delegate;
    private final HandOffStamps call;

    TimedExecutor(Executor delegate, HandOffStamps call) {
        this.delegate = delegate;
        this.call = call;
    }

    @Override
    public void execute(Runnable task) {
        delegate.execute(
                () -> {
                    call.mark(HandOff.CONTINUED);
                    try {
                        task.run();
                    } finally {
                        call.mark(HandOff.CONTINUATION_DONE);
                    }
                });
    }
}
