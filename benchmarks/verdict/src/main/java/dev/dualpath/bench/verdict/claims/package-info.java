/**
 * Checks a claims file ({@code results/claims.json}, read by {@code ClaimsFileReader}) over one
 * run: each {@code Claim} quotes the original write-up (docs/origin.md) and states a ratio or bound
 * as an {@code Expression} over named quantities, resolved from JMH results (the Java port) or from
 * the Python replay ({@code PythonReplay}, run by {@code PythonReplayRunner}). {@code ClaimChecker}
 * gives each claim, per subject and side, a value with a bootstrap interval and a status; a claim
 * resting on forks measured on a disturbed machine keeps only a status those forks cannot have
 * produced ({@code DisturbanceBounds}).
 *
 * <p>May depend on the verdict's {@code jmh} and {@code stats} packages and Jackson; like all of
 * {@code bench.verdict}, nothing of the adapter, test kit, conformance suite, JMH, WireMock or any
 * HTTP client (ArchitectureTest).
 */
package dev.dualpath.bench.verdict.claims;
