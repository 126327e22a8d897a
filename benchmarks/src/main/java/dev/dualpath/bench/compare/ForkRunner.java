package dev.dualpath.bench.compare;

import java.io.IOException;
import java.nio.file.Path;

/** Runs one fork of one series on one side. The seam that lets tests run blocks without JMH. */
public interface ForkRunner {

    /**
     * Returns what the fork measured and what the machine did meanwhile.
     *
     * @param side which build
     * @param series the compared {@code @Param} value
     * @param resultFile where the fork's JMH JSON goes
     * @return what the fork measured and what the machine did meanwhile
     * @throws IOException if the fork cannot be started or its result read
     * @throws ForkFailedException if the fork exited with an error or timed out
     * @throws InterruptedException if interrupted while waiting; the fork is stopped
     */
    ForkRecord run(Side side, String series, Path resultFile)
            throws IOException, InterruptedException;

    /** A fork that ran but failed: its exit code or timeout, and where its output went. */
    final class ForkFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what failed, naming the log
         */
        public ForkFailedException(String message) {
            super(message);
        }
    }
}
