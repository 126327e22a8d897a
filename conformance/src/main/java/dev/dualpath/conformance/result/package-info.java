/**
 * What a conformance run found, as values: {@code ConformanceResult} (every scenario), {@code
 * ScenarioResult} (one scenario on every path), {@code PathResult} (one path's outcome and its
 * mismatches) and {@code Verdict}.
 *
 * <p>May depend on {@code conformance.scenario} and on the test kit's {@code Outcome}; nothing that
 * runs or writes anything, so the runner and the reports can both use it without a cycle.
 */
package dev.dualpath.conformance.result;
