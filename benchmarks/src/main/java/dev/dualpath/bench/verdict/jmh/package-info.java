/**
 * Reads what a run leaves behind: {@code JmhResultReader} parses JMH's JSON (every mode, {@code
 * "NaN"}, params, secondary metrics, per-fork raw data) into a {@code JmhRun} of {@code
 * Measurement}s keyed by {@code BenchmarkId}; {@code RunFolder} locates {@code jmh.json}, {@code
 * env.json} and the other files of a run folder; {@code Units} are a series' independent
 * observations (per-fork means) that the bootstrap resamples.
 *
 * <p>May depend on the verdict root package ({@code InputException}, {@code JsonFiles}) and Jackson
 * only: it reads any team's JMH JSON, not JMH's classes (ArchitectureTest).
 */
package dev.dualpath.bench.verdict.jmh;
