package dev.dualpath.adapter;

import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** What a call does after one attempt: finish, fail, or wait and try again. */
sealed interface Step {

    /** The call succeeded. */
    record Done(UnifiedChatResponse response) implements Step {}

    /** The call failed for good. */
    record Fail(ProviderException error) implements Step {}

    /** Wait {@code delay}, then attempt again. */
    record Retry(Duration delay) implements Step {}

    /** The response of a final step, or its error thrown. Not for {@link Retry}. */
    default UnifiedChatResponse resultOrThrow() {
        if (this instanceof Done done) {
            return done.response();
        }
        if (this instanceof Fail fail) {
            throw fail.error();
        }
        throw new IllegalStateException("a retry step has no result");
    }

    /** Completes {@code future} with a final step's outcome. Not for {@link Retry}. */
    default void completeInto(CompletableFuture<UnifiedChatResponse> future) {
        if (this instanceof Done done) {
            future.complete(done.response());
        } else if (this instanceof Fail fail) {
            future.completeExceptionally(fail.error());
        } else {
            throw new IllegalStateException("a retry step has no result");
        }
    }
}
