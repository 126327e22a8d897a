package dev.dualpath.bench;

import dev.dualpath.adapter.ContinuationExecutor;
import dev.dualpath.adapter.compat.Await;
import dev.dualpath.adapter.compat.PerCallLoop;
import dev.dualpath.adapter.compat.SyncStrategy;

/**
 * Every way of getting a response that the benchmarks compare, as one {@code @Param}: the raw
 * transport baselines next to each sync strategy, so that every benchmark body is one line and no
 * strategy has a copied body of its own.
 */
public enum BenchPath {

    /** Baseline: the blocking transport alone, request pre-encoded, response not parsed. */
    RAW_BLOCKING(null) {
        @Override
        public Object call(Target t) {
            return t.transport().execute(t.wire());
        }
    },

    /** Baseline for the async side: the async transport alone, joined. */
    RAW_ASYNC(null) {
        @Override
        public Object call(Target t) {
            return Await.result(t.transport().executeAsync(t.wire()), null);
        }
    },

    /** {@link SyncStrategy#DIRECT}: the refactoring's "after". */
    DIRECT(SyncStrategy.DIRECT),

    /** {@link SyncStrategy#LOOP_PER_CALL}: the refactoring's "before". */
    LOOP_PER_CALL(SyncStrategy.LOOP_PER_CALL),

    /**
     * {@link SyncStrategy#SHARED_LOOP}: {@code join()} on the async path; also the async path's
     * cost as a blocking caller sees it.
     */
    SHARED_LOOP(SyncStrategy.SHARED_LOOP),

    /**
     * {@link #SHARED_LOOP} without the continuation hop: {@code join()} on {@code invoke()} whose
     * continuations run on the thread that completed the transport's future ({@link
     * ContinuationExecutor#TRANSPORT_THREAD}), as an adapter configured with that option runs them.
     * Beside {@link #SHARED_LOOP} (whose caller, waiting in {@code join()}, runs the continuation
     * itself) and {@link #RAW_ASYNC} it shows what is left between running the continuation on the
     * transport's thread and handing it to the waiting caller. Not a {@link SyncStrategy}: the
     * strategy is the same, only the adapter's setting differs.
     */
    SHARED_LOOP_NO_HOP(null) {
        @Override
        public Object call(Target t) {
            return Await.result(
                    t.adapter().invoke(t.request(), ContinuationExecutor.IN_PLACE),
                    t.request().requestId());
        }
    },

    /** {@link SyncStrategy#SEED_LITERAL}: the original {@code invoke_sync()} as written. */
    SEED_LITERAL(SyncStrategy.SEED_LITERAL),

    /**
     * {@link SyncStrategy#CLIENT_PER_CALL}: the "before" as a loop-bound async client forces it, a
     * fresh loop and a fresh transport (its own connection, on the network) per call.
     */
    CLIENT_PER_CALL(SyncStrategy.CLIENT_PER_CALL),

    /**
     * The per-call wrapper as it would be written on JDK 21+: a virtual thread per call instead of
     * a platform thread. Not a {@link SyncStrategy} because JDK 17 has no virtual threads; fails on
     * it.
     */
    VIRTUAL_LOOP_PER_CALL(null) {
        @Override
        public Object call(Target t) {
            try (PerCallLoop loop = PerCallLoop.openVirtual()) {
                return loop.run(
                        executor -> t.adapter().invoke(t.request(), executor),
                        t.request().requestId());
            }
        }
    };

    private final SyncStrategy strategy;

    BenchPath(SyncStrategy strategy) {
        this.strategy = strategy;
    }

    /** The strategy this path measures, or null for a raw baseline. */
    public SyncStrategy strategy() {
        return strategy;
    }

    /** One call; returns what the call produced so JMH consumes it. */
    public Object call(Target t) {
        return strategy.execute(t.adapter(), t.request());
    }
}
