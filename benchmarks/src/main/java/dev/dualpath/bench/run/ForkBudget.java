package dev.dualpath.bench.run;

import java.time.Duration;

/**
 * How long a run may keep starting benchmark forks: before each fork the launcher asks whether the
 * fork, by its planned length, would still end within the budget; when not, the run pauses there
 * and resumes later from its {@link ForkStore}. A fork that outruns its plan is not cut short, so a
 * run can end past its budget by one fork's overrun.
 */
@FunctionalInterface
public interface ForkBudget {

    /** No limit: the run measures every fork. */
    ForkBudget UNLIMITED = planned -> true;

    /**
     * Whether a fork planned to take {@code planned} (start-up included) may start now.
     *
     * @param planned the fork's planned wall time
     */
    boolean allows(Duration planned);

    /**
     * A budget of {@code length} from now, by the monotonic clock.
     *
     * @param length the time forks may start within, positive
     * @throws IllegalArgumentException if {@code length} is zero or negative
     */
    static ForkBudget startingNow(Duration length) {
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("a budget must be positive, was " + length);
        }
        long end = System.nanoTime() + length.toNanos();
        return planned -> System.nanoTime() + planned.toNanos() - end <= 0;
    }
}
