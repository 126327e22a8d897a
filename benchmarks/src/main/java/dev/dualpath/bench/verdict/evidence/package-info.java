/**
 * Evidence that the gate works on this machine: {@code GateEvidence} splits many forks of the same
 * code into A/A halves (the gate must raise no false FAIL) and compares a run with a known injected
 * slowdown (the gate must catch it), and {@code EvidenceReport} writes what it found.
 *
 * <p>May depend on the verdict's {@code gate}, {@code jmh}, {@code report} and {@code stats}
 * packages; like all of {@code bench.verdict}, nothing of the adapter, test kit, conformance suite,
 * JMH, WireMock or any HTTP client (ArchitectureTest).
 */
package dev.dualpath.bench.verdict.evidence;
