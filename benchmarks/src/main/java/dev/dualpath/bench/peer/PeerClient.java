package dev.dualpath.bench.peer;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One open peer: a call, a way to read the assistant's content from what the call returned, and
 * what to close. Built by {@link Peer#open}.
 *
 * @param <R> what one call returns
 */
public final class PeerClient<R> implements AutoCloseable {

    private final Supplier<R> call;
    private final Function<R, String> content;
    private final AutoCloseable resources;

    PeerClient(Supplier<R> call, Function<R, String> content, AutoCloseable resources) {
        this.call = Objects.requireNonNull(call, "call");
        this.content = Objects.requireNonNull(content, "content");
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    /**
     * One chat call, as the peer's user would write it; returns what the client returned, not
     * reduced further (a benchmark returns it so JMH consumes it).
     *
     * @throws RuntimeException whatever the client throws on a failed call
     */
    public R call() {
        return call.get();
    }

    /**
     * One call, reduced to the assistant's content for a check; the reduction is outside what
     * {@link #call()} measures.
     *
     * @throws RuntimeException whatever the client throws on a failed call
     */
    public String content() {
        return content.apply(call.get());
    }

    /**
     * Closes the client (its connection pool and threads).
     *
     * @throws IllegalStateException if the client fails to close
     */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the peer client failed", e);
        }
    }
}
