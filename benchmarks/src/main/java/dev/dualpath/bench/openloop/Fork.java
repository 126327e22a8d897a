package dev.dualpath.bench.openloop;

import dev.dualpath.bench.BenchPath;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where one strategy's run happens: a fresh JVM ({@link ForkLauncher}), or this one ({@link
 * StrategyRun#run}).
 */
@FunctionalInterface
public interface Fork {

    /**
     * Measures {@code path}; a failure of the strategy is a FAILED result, not an exception.
     *
     * @param outDir the output folder; the {@code .hgrm} files go to its {@code hgrm/}
     * @throws IOException if the output cannot be written or read
     * @throws InterruptedException if interrupted while waiting for the run
     */
    StrategyResult run(BenchPath path, OpenLoopSettings settings, Path outDir)
            throws IOException, InterruptedException;
}
