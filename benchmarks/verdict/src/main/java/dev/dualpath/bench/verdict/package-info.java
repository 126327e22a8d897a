/**
 * The verdict tools: turn JMH results into decisions. This package and every package under it
 * import nothing of the adapter, the test kit, the conformance suite, JMH, WireMock or any HTTP
 * client (ArchitectureTest enforces it), so they work on any team's JMH JSON, and a user can gate
 * their own benchmarks with them. Their dependencies are Jackson and, for charts, JFreeChart. Here
 * live only what the sub-packages share: {@code InputException} and {@code JsonFiles}.
 *
 * <ul>
 *   <li>{@code jmh} reads JMH JSON (every mode, {@code "NaN"}, params, secondary metrics) and run
 *       folders ({@code jmh.json}, {@code env.json}, {@code python-replay.json}, {@code *.hgrm}).
 *   <li>{@code stats} is the bootstrap: per-fork means resampled, expanded percentile interval with
 *       a small-sample t floor, seeded.
 *   <li>{@code gate} compares a run with a baseline: PASS / FAIL / INCONCLUSIVE with a minimum
 *       effect and the minimum detectable effect per series.
 *   <li>{@code claims} checks claims.json over one run, for the Java port and the Python replay.
 *   <li>{@code report} writes Markdown, JSON, JUnit XML and charts, all with {@code Locale.ROOT}.
 *   <li>{@code evidence} shows the gate's false alarms in A/A fork splits stay within its test's
 *       level and that it catches an injected slowdown.
 * </ul>
 *
 * Input problems are {@link dev.dualpath.bench.verdict.InputException}s naming file and field; the
 * CLI ({@code dev.dualpath.bench.cli.DualpathCli}) maps them to exit code 2.
 */
package dev.dualpath.bench.verdict;
