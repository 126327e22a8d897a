package dev.dualpath.adapter.batch;

import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * What one request of a batch came to: a response, its own typed failure, or stopped by the batch
 * (cancelled, or out of the batch's time). Every item carries its position in the input and the
 * request id it was sent with (the caller's, or one the batch generated).
 */
public sealed interface ItemResult
        permits ItemResult.Success, ItemResult.Failure, ItemResult.Stopped {

    /** The item's position in the input list, from 0. */
    int index();

    /** The correlation id the call was sent with ({@code X-Request-Id}); never null. */
    String requestId();

    /** What the item came to. */
    ItemStatus status();

    /**
     * Whether the batch started the item's call: always, unless the batch stopped before it. A
     * started call may have reached the provider (and been billed) even if it was then cancelled;
     * an item that was not started never did.
     */
    default boolean started() {
        return true;
    }

    /** The item's error, or empty for a success. */
    Optional<ProviderException> failure();

    /**
     * The response of a successful item, or its error thrown.
     *
     * @return the response of a successful item
     * @throws ProviderException the item's error otherwise
     */
    UnifiedChatResponse responseOrThrow();

    /** The call returned a response. */
    record Success(int index, String requestId, UnifiedChatResponse response)
            implements ItemResult {

        /**
         * @throws NullPointerException naming the field
         */
        public Success {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(response, "response");
        }

        @Override
        public ItemStatus status() {
            return ItemStatus.SUCCEEDED;
        }

        @Override
        public Optional<ProviderException> failure() {
            return Optional.empty();
        }

        @Override
        public UnifiedChatResponse responseOrThrow() {
            return response;
        }
    }

    /** The call ended with its own error, exactly what a single call would have thrown. */
    record Failure(int index, String requestId, ProviderException error) implements ItemResult {

        /**
         * @throws NullPointerException naming the field
         */
        public Failure {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public ItemStatus status() {
            return ItemStatus.FAILED;
        }

        @Override
        public Optional<ProviderException> failure() {
            return Optional.of(error);
        }

        @Override
        public UnifiedChatResponse responseOrThrow() {
            throw error;
        }
    }

    /**
     * The batch stopped before this item's call ended (or began): {@code status} is {@link
     * ItemStatus#CANCELLED} with a {@link dev.dualpath.adapter.error.CancelledException}, or {@link
     * ItemStatus#DEADLINE_EXCEEDED} with a {@link
     * dev.dualpath.adapter.error.ProviderTimeoutException} of phase {@code TOTAL}.
     */
    record Stopped(
            int index,
            String requestId,
            ItemStatus status,
            boolean started,
            ProviderException error)
            implements ItemResult {

        /**
         * @throws NullPointerException naming the field
         * @throws IllegalArgumentException if {@code status} is not CANCELLED or DEADLINE_EXCEEDED
         */
        public Stopped {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(error, "error");
            if (status != ItemStatus.CANCELLED && status != ItemStatus.DEADLINE_EXCEEDED) {
                throw new IllegalArgumentException(
                        "a stopped item is CANCELLED or DEADLINE_EXCEEDED, was " + status);
            }
        }

        @Override
        public Optional<ProviderException> failure() {
            return Optional.of(error);
        }

        @Override
        public UnifiedChatResponse responseOrThrow() {
            throw error;
        }
    }
}
