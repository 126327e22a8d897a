package dev.dualpath.bench.openloop;

/**
 * A clock that moves only when told: sleeping jumps to the deadline, a synthetic call advances it.
 */
final class FakeTicker implements Ticker {

    private long now = 1_000_000_000L; // not zero, so that offsets from the start are tested too

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
        now = Math.max(now, deadlineNanos);
    }

    void advanceMillis(long millis) {
        now += millis * 1_000_000L;
    }
}
