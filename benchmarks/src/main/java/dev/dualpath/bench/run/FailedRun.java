package dev.dualpath.bench.run;

import org.openjdk.jmh.runner.RunnerException;

/**
 * A benchmark failed part-way through a {@link JmhLauncher} run. Carries what the run measured
 * before it, so that the run's record of its stretches counts those forks: they are kept in the
 * store, and a resume measures only the rest, the failed fork again from its start.
 */
public final class FailedRun extends RunnerException {
    private static final long serialVersionUID = 1L;

    // Not serialized: only the process that ran the forks reads it.
    private final transient JmhLauncher.Outcome before;

    FailedRun(JmhLauncher.Outcome before, RunnerException cause) {
        super(cause.getMessage(), cause);
        this.before = before;
    }

    /** The forks taken from the store and measured before the failure. */
    public JmhLauncher.Outcome before() {
        return before;
    }
}
