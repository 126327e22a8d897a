package dev.dualpath.conformance.runner;

import dev.dualpath.conformance.scenario.Capability;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A client under test: the seam through which any chat client runs the scenario catalogue.
 * Implement it (usually in a few dozen lines), then run it with {@link ConformanceRunner} or extend
 * {@link ConformanceSuite} in a JUnit 5 test.
 *
 * <p>A scenario whose {@link dev.dualpath.conformance.scenario.Scenario#capabilities()} are not all
 * in {@link #capabilities()} is skipped on every path, and the report says which capability was
 * missing. Actions skip per path: CANCEL runs only on {@link PathKind#FUTURE} paths, INTERRUPT only
 * on {@link PathKind#BLOCKING} ones.
 */
public interface ConformancePlugin {

    /** A short name for reports and file names, e.g. {@code dualpath} or {@code openai-java}. */
    String name();

    /** What the client supports; see {@link Capability}. */
    Set<Capability> capabilities();

    /** The paths to check, in report column order; at least one, names unique. */
    List<PathUnderTest> paths();

    /**
     * Threads the client's library keeps JVM-wide, outliving any one client (e.g. OkHttp's shared
     * task runner): not a leak of the client under test. None by default. The leak check after each
     * scenario on each path also ignores the fake provider's threads and the JVM's own ({@link
     * LiveThreads#NOT_THE_CLIENTS}).
     */
    default Predicate<Thread> sharedThreads() {
        return t -> false;
    }
}
