/**
 * The statistics of an interleaved, sequential A/B comparison of two builds: an anytime-valid
 * confidence sequence ({@link dev.dualpath.bench.verdict.sequential.MixtureConfidenceSequence}),
 * the planned looks ({@link dev.dualpath.bench.verdict.sequential.LookSchedule}), the per-metric
 * rule that spends its error rate on both ({@link
 * dev.dualpath.bench.verdict.sequential.MetricMonitor}) and the comparison's state fed block by
 * block ({@link dev.dualpath.bench.verdict.sequential.SequentialCompare}). Runs nothing: the caller
 * runs the forks. Depends on {@code gate} (for the verdict type) and {@code stats} (Student's t)
 * only.
 */
package dev.dualpath.bench.verdict.sequential;
