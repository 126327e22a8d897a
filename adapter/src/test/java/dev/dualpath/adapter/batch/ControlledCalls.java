package dev.dualpath.adapter.batch;

import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an adapter's two call paths whose every outcome the test decides, by request id: a
 * call waits until the test completes its outcome ({@link #succeed}, {@link #fail}), or is aborted.
 * It counts calls in flight (and the most at once), and remembers which were started and which were
 * aborted (interrupted on the blocking side, cancelled on the async side).
 */
final class ControlledCalls {

    /** Bound on any wait, so that a broken test cannot hang the build. */
    static final long BOUND_SECONDS = 30;

    private final Map<String, CompletableFuture<UnifiedChatResponse>> outcomes =
            new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Set<String> aborted = ConcurrentHashMap.newKeySet();
    private final Set<Thread> callerThreads = ConcurrentHashMap.newKeySet();

    static List<ChatRequest> requests(String prefix, int n) {
        List<ChatRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(request(prefix + i));
        }
        return requests;
    }

    static ChatRequest request(String id) {
        return ChatRequest.builder("llama3.1-8b")
                .message(ChatMessage.user("Hi"))
                .requestId(id)
                .build();
    }

    static UnifiedChatResponse response(String content) {
        return new UnifiedChatResponse(
                "chatcmpl-" + content,
                "llama3.1-8b",
                1_732_000_000L,
                null,
                null,
                List.of(new Choice(0, "stop", "assistant", content, null, List.of())),
                null,
                null,
                null);
    }

    CompletableFuture<UnifiedChatResponse> outcome(String id) {
        return outcomes.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    /** The call for {@code id} returns a response whose content is {@code id}. */
    void succeed(String id) {
        outcome(id).complete(response(id));
    }

    /** The call for {@code id} fails with {@code error}. */
    void fail(String id, ProviderException error) {
        outcome(id).completeExceptionally(error);
    }

    /** The blocking path: waits for the outcome; an interrupt aborts it, as a transport does. */
    UnifiedChatResponse blocking(ChatRequest request) {
        String id = request.requestId();
        enter(id);
        callerThreads.add(Thread.currentThread());
        try {
            return outcome(id).get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            aborted.add(id);
            Thread.currentThread().interrupt();
            throw CancelledException.of(id, e);
        } catch (ExecutionException e) {
            throw (ProviderException) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("call " + id + " was never completed by the test", e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The async path: a future of the outcome; cancelling it aborts the call. */
    @SuppressWarnings("FutureReturnValueIgnored") // the stage only relays the outcome
    CompletableFuture<UnifiedChatResponse> async(ChatRequest request) {
        String id = request.requestId();
        enter(id);
        AtomicBoolean left = new AtomicBoolean();
        // The call leaves before its future completes, whichever way: the future's dependents (the
        // batch recording it, starting the next call, ending) must not see it still in flight.
        CompletableFuture<UnifiedChatResponse> call =
                new CompletableFuture<>() {
                    @Override
                    public boolean cancel(boolean mayInterruptIfRunning) {
                        if (left.compareAndSet(false, true)) {
                            inFlight.decrementAndGet();
                            aborted.add(id);
                        }
                        return super.cancel(mayInterruptIfRunning);
                    }
                };
        outcome(id)
                .whenComplete(
                        (response, failure) -> {
                            if (left.compareAndSet(false, true)) {
                                inFlight.decrementAndGet();
                            }
                            if (failure != null) {
                                call.completeExceptionally(failure);
                            } else {
                                call.complete(response);
                            }
                        });
        return call;
    }

    /** Counted in flight before it shows as started, so a test that sees it started sees both. */
    private void enter(String id) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        started.add(id);
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    /** Started and not yet given an outcome by the test. */
    Set<String> pending() {
        Set<String> pending = new java.util.HashSet<>(started);
        pending.removeIf(id -> outcome(id).isDone());
        return pending;
    }

    Set<String> started() {
        return Set.copyOf(started);
    }

    Set<String> aborted() {
        return Set.copyOf(aborted);
    }

    /** Every thread a blocking call ran on. */
    Set<Thread> callerThreads() {
        return Set.copyOf(callerThreads);
    }
}
