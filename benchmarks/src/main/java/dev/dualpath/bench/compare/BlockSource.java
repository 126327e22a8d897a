package dev.dualpath.bench.compare;

import java.io.IOException;

/**
 * Where a {@link CompareSession} gets its blocks: a {@link BlockRunner} running real forks, or
 * blocks recorded earlier and replayed (as {@code power} replays a pool), so that both are judged
 * by the same loop.
 */
public interface BlockSource {

    /**
     * One block of {@code series}.
     *
     * @param series the series the session asks for
     * @return the block and, when run now, its forks
     * @throws IOException if a fork fails or its result cannot be read
     * @throws InterruptedException if interrupted; a running fork is stopped
     */
    BlockRunner.RunBlock run(String series) throws IOException, InterruptedException;

    /** Whether another block can be had; a runner of real forks always has one. */
    default boolean hasMore() {
        return true;
    }
}
