/**
 * Runs every scenario on every path and compares: each path against the scenario's expectation, and
 * all paths against each other with one normaliser (timing fields excluded, nothing else). {@code
 * ConformanceSuite} and {@code ConformancePlugin} let any adapter plug into the same catalogue
 * (TCK-style, with capabilities to skip what it does not support); {@code DualpathPlugin} runs
 * dualpath's own paths; {@code LeakCheck} awaits that no thread or socket outlives a run; every
 * wait is {@code Bounded}.
 *
 * <p>May depend on the rest of the conformance module, the adapter, the test kit and the JUnit API
 * (the TCK builds dynamic tests); never on the benchmarks (ArchitectureTest).
 */
package dev.dualpath.conformance.runner;
