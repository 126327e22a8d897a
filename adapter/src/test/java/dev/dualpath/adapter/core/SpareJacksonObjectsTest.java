package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The request writer and the response reader each keep one spare Jackson object for the next call:
 * calls on several threads at once must each get their own, never one another's half-written body
 * or half-read parser. Every thread alternates two bodies, so a shared object would mix them.
 */
class SpareJacksonObjectsTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 2_000;

    private static ChatRequest request(String model, String content) {
        return ChatRequest.builder(model)
                .messages(List.of(new ChatMessage("user", content)))
                .build();
    }

    @Test
    void callsOnSeveralThreadsAtOnce_eachWriteAndReadTheirOwnBody() throws Exception {
        ChatRequest[] requests = {request("m-one", "first"), request("m-two", "second, longer")};
        byte[][] written = {
            RequestBodyWriter.write(requests[0]), RequestBodyWriter.write(requests[1])
        };
        byte[][] bodies = {
            ResponseProcessorTest.MINIMAL.getBytes(StandardCharsets.UTF_8),
            SuccessBodyStreamTest.TOOLS.getBytes(StandardCharsets.UTF_8)
        };
        SuccessBody[] read = {SuccessBodyStream.read(bodies[0]), SuccessBodyStream.read(bodies[1])};
        assertThat(read).doesNotContainNull();

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            tasks.add(
                    () -> {
                        start.await();
                        int mismatches = 0;
                        for (int i = 0; i < ROUNDS; i++) {
                            int k = (i + offset) % 2;
                            if (!java.util.Arrays.equals(
                                    RequestBodyWriter.write(requests[k]), written[k])) {
                                mismatches++;
                            }
                            if (!read[k].equals(SuccessBodyStream.read(bodies[k]))) {
                                mismatches++;
                            }
                        }
                        return mismatches;
                    });
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> task : tasks) {
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                // A bound, not a wait: the loop takes well under a second on a quiet machine.
                assertThat(result.get(2, TimeUnit.MINUTES)).isZero();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }
}
