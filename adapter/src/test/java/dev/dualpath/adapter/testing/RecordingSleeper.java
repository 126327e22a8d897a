package dev.dualpath.adapter.testing;

import dev.dualpath.adapter.core.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Records every backoff and returns at once, so retry tests are fast and their sleeps comparable.
 */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration delay) {
        sleeps.add(delay);
    }

    @Override
    public CompletableFuture<Void> delay(Duration delay, Executor executor) {
        sleeps.add(delay);
        return CompletableFuture.runAsync(() -> {}, executor);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public void clear() {
        sleeps.clear();
    }
}
