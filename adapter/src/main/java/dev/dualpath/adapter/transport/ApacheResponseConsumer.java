package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.WireResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * Buffers one async response straight into a {@link WireResponse}, marking on the {@link
 * InFlightCall} when the headers arrive so that a timeout can be told apart as a header or a body
 * timeout. Runs on the client's I/O thread; one instance per exchange.
 */
final class ApacheResponseConsumer implements AsyncResponseConsumer<WireResponse> {

    private static final int MAX_PRESIZE_BYTES = 1 << 20;

    private final InFlightCall call;
    private final long startNanos;
    private int status;
    private Map<String, List<String>> headers = Map.of();
    private @Nullable Duration timeToFirstByte;
    private @Nullable FutureCallback<WireResponse> callback;
    private byte @Nullable [] buffer;
    private int size;

    ApacheResponseConsumer(InFlightCall call, long startNanos) {
        this.call = call;
        this.startNanos = startNanos;
    }

    @Override
    public void consumeResponse(
            HttpResponse response,
            EntityDetails entity,
            HttpContext context,
            FutureCallback<WireResponse> resultCallback) {
        timeToFirstByte = Duration.ofNanos(System.nanoTime() - startNanos);
        call.headersReceived();
        status = response.getCode();
        headers = ApacheHeaders.toMap(response);
        if (entity == null) {
            resultCallback.completed(result());
            return;
        }
        long length = entity.getContentLength();
        buffer = new byte[length >= 0 && length < MAX_PRESIZE_BYTES ? (int) length : 8192];
        callback = resultCallback;
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx responses carry nothing a WireResponse keeps.
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws java.io.IOException {
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) {
        // consumeResponse() made the buffer before the client hands over any body bytes.
        Objects.requireNonNull(buffer, "buffer");
        int n = src.remaining();
        if (size + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
        }
        src.get(buffer, size, n);
        size += n;
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        FutureCallback<WireResponse> cb = callback;
        callback = null;
        if (cb != null) {
            cb.completed(result());
        }
    }

    private WireResponse result() {
        byte[] body =
                buffer == null
                        ? new byte[0]
                        : size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        return new WireResponse(status, headers, body, timeToFirstByte);
    }

    @Override
    public void failed(Exception cause) {
        // The exchange reports the failure through the execute() callback; nothing to add here.
    }

    @Override
    public void releaseResources() {
        buffer = null;
        callback = null;
    }
}
