package dev.dualpath.adapter.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.jspecify.annotations.Nullable;

/**
 * An Apache classic response body read on the caller's thread, straight from the connection's input
 * stream: nothing is read while the caller does not read. The socket timeout bounds each read (the
 * idle timeout); a reader blocked in a socket read ignores interrupts, so the watchdog sees the
 * flag and cancels the request, and the reader gets {@code CANCELLED}. A body not read to its end
 * is closed by cancelling the request (closing a chunked stream would read it to its end).
 */
final class ApacheBlockingBody implements BlockingBody {

    private static final int BUFFER_BYTES = 8192;

    private final ClassicHttpResponse response;
    private final HttpUriRequestBase request;
    private final InFlightCall call;
    private final Runnable unwatch;
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private boolean atEnd;
    private boolean closed;

    ApacheBlockingBody(
            ClassicHttpResponse response,
            HttpUriRequestBase request,
            InFlightCall call,
            Runnable unwatch)
            throws IOException {
        this.response = response;
        this.request = request;
        this.call = call;
        this.unwatch = unwatch;
        HttpEntity entity = response.getEntity();
        this.in = entity == null ? InputStream.nullInputStream() : entity.getContent();
        call.onAbort(this::closeConnection);
    }

    /** Closes the connection under a reader blocked in it; any thread. */
    private void closeConnection() {
        if (response instanceof ModalCloseable closeable) {
            closeable.close(CloseMode.IMMEDIATE);
        } else {
            request.cancel();
        }
    }

    @Override
    public @Nullable ByteBuffer read() {
        if (atEnd) {
            return null;
        }
        if (closed) {
            throw Failures.cancelled(null);
        }
        if (Thread.currentThread().isInterrupted()) {
            close();
            throw Failures.interrupted(null);
        }
        int n;
        call.awaiting(Thread.currentThread());
        try {
            n = in.read(buffer);
        } catch (IOException e) {
            RuntimeException failure = ApacheHttpTransport.classify(e, call);
            close();
            throw failure;
        } finally {
            call.received();
        }
        if (n < 0) {
            atEnd = true;
            call.finish();
            release();
            return null;
        }
        return ByteBuffer.wrap(buffer, 0, n);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!atEnd) {
            call.finish();
            closeConnection();
        }
        release();
    }

    private void release() {
        closed = true;
        unwatch.run();
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            // The connection is being discarded anyway.
        }
    }
}
