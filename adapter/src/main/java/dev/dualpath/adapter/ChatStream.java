package dev.dualpath.adapter;

import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streamed call read on the caller's thread: an iterator of chunks in the order the provider sent
 * them, reading from the connection only when asked for the next chunk. Close it (try-with-
 * resources) to end the call early: the connection is then closed, never reused half-read.
 *
 * <pre>{@code
 * try (ChatStream stream = adapter.streamSync(request)) {
 *     while (stream.hasNext()) {
 *         System.out.print(stream.next().content());
 *     }
 *     UnifiedChatResponse whole = stream.response();   // usage, finish reason, time_info
 * }
 * }</pre>
 *
 * <p>{@link #hasNext()} blocks until a chunk arrives or the stream ends, and throws the call's
 * {@link dev.dualpath.adapter.error.ProviderException} when it fails — after every chunk that came
 * before the failure, and again on every later call. Not thread-safe, except {@link #close()},
 * which may be called from another thread to stop a blocked reader (it then gets a {@link
 * dev.dualpath.adapter.error.CancelledException}).
 */
public interface ChatStream extends Iterator<ChatChunk>, AutoCloseable {

    /**
     * Blocks until the next chunk arrives or the stream ends.
     *
     * @return whether a chunk is ready; false once the stream completed or was closed
     * @throws dev.dualpath.adapter.error.ProviderException when the call fails: the exception a
     *     non-streaming call would throw for an error status or an error event of that status,
     *     {@link dev.dualpath.adapter.error.StreamTruncatedException} for a stream cut short, a
     *     {@link dev.dualpath.adapter.error.ProviderTimeoutException} of phase BODY after the read
     *     timeout of silence, a {@link dev.dualpath.adapter.error.CancelledException} with the
     *     interrupt flag restored when the reading thread is interrupted
     */
    @Override
    boolean hasNext();

    /**
     * The next chunk, waiting for it as {@link #hasNext()} does.
     *
     * @throws java.util.NoSuchElementException when {@link #hasNext()} is false
     * @throws dev.dualpath.adapter.error.ProviderException as {@link #hasNext()}
     */
    @Override
    ChatChunk next();

    /**
     * The response the whole stream amounts to, equal to what the non-streaming call returns for
     * the same content (timing aside).
     *
     * @throws IllegalStateException unless the stream completed ({@link #hasNext()} returned false
     *     without the stream being closed early)
     */
    UnifiedChatResponse response();

    /** Ends the call: closes the connection unless the stream completed. Idempotent. */
    @Override
    void close();

    /** The remaining chunks as a sequential {@link Stream}; closing it closes this. */
    default Stream<ChatChunk> stream() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(
                                this, Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(this::close);
    }
}
