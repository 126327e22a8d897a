package dev.dualpath.conformance.runner;

import dev.dualpath.conformance.scenario.Capability;
import java.util.List;
import java.util.Set;

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
}
