/**
 * {@code dualpath compare}'s machinery: the builds ({@link
 * dev.dualpath.bench.compare.BaseBuilder}), one JMH fork per JVM with the machine measured around
 * it ({@link dev.dualpath.bench.compare.JmhForkRunner}), randomized ABBA/BAAB blocks with a ledger
 * ({@link dev.dualpath.bench.compare.BlockRunner}) and the sequential loop under a budget ({@link
 * dev.dualpath.bench.compare.CompareSession}). The statistics are the verdict module's ({@code
 * dev.dualpath.bench.verdict.sequential}); depends on {@code bench.machine} and the verdict module,
 * never on the adapter.
 */
package dev.dualpath.bench.compare;
