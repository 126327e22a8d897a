package dev.dualpath.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The async stream's drain loop: one event at a time, in order, never recursively, never lost. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SerialDrainTest {

    private final List<String> log = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<RejectedExecutionException> rejected = new AtomicReference<>();

    private SerialDrain inPlace() {
        return new SerialDrain(Runnable::run, () -> log.add("step"), stopped::get, rejected::set);
    }

    @Test
    void eventsRunInOrder_eachFollowedByTheStep() {
        SerialDrain loop = inPlace();

        loop.post(() -> log.add("a"));
        loop.post(() -> log.add("b"));
        loop.wake();

        assertThat(log).containsExactly("a", "step", "b", "step", "step");
    }

    @Test
    void aPostFromInsideAnEvent_runsAfterIt_onTheSameLoop_notNestedInIt() {
        SerialDrain loop = inPlace();
        AtomicInteger depth = new AtomicInteger();
        AtomicInteger deepest = new AtomicInteger();

        loop.post(
                () -> {
                    deepest.accumulateAndGet(depth.incrementAndGet(), Math::max);
                    log.add("outer");
                    loop.post(
                            () -> {
                                deepest.accumulateAndGet(depth.incrementAndGet(), Math::max);
                                log.add("inner");
                                depth.decrementAndGet();
                            });
                    log.add("outer done");
                    depth.decrementAndGet();
                });

        // The inner post's wake-up makes the loop go round once more: a second step, no event.
        assertThat(log).containsExactly("outer", "outer done", "inner", "step", "step");
        assertThat(deepest).hasValue(1);
    }

    @Test
    void onceStopped_laterEventsAreDropped_andTheStepNoLongerRuns() {
        SerialDrain loop = inPlace();
        loop.post(
                () -> {
                    log.add("last");
                    stopped.set(true);
                });

        loop.post(() -> log.add("too late"));

        assertThat(log).containsExactly("last");
    }

    @Test
    void aRefusingExecutor_isReported_andTheLoopRunsOnThePostingThread() {
        ExecutorService shut = Executors.newSingleThreadExecutor();
        shut.shutdown();
        SerialDrain loop =
                new SerialDrain(
                        shut,
                        () -> log.add("step on " + Thread.currentThread().getName()),
                        stopped::get,
                        rejected::set);

        loop.post(() -> log.add("event"));

        assertThat(rejected.get()).isNotNull();
        assertThat(log).containsExactly("event", "step on " + Thread.currentThread().getName());
    }

    @Test
    void postsFromManyThreads_areEachRunOnce_onePerTimeOnThePool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        SerialDrain loop = new SerialDrain(pool, () -> {}, stopped::get, rejected::set);
        int perThread = 10_000;
        List<Thread> posters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            posters.add(
                    new Thread(
                            () -> {
                                for (int i = 0; i < perThread; i++) {
                                    loop.post(
                                            () -> {
                                                if (running.incrementAndGet() > 1) {
                                                    overlap.incrementAndGet();
                                                }
                                                ran.incrementAndGet();
                                                running.decrementAndGet();
                                            });
                                }
                            }));
        }
        posters.forEach(Thread::start);
        for (Thread p : posters) {
            p.join(TimeUnit.SECONDS.toMillis(30));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(ran).hasValue(4 * perThread);
        assertThat(overlap).hasValue(0);
    }
}
