/**
 * Writes a verdict (gate rows, claim results) in every {@code ReportFormat}: Markdown, JSON, JUnit
 * XML (one test per gated series and per claim, for CI) and charts (PNG via JFreeChart, with the
 * CSV they plot), always with {@code Locale.ROOT}. {@code HgrmReader} reads HdrHistogram percentile
 * files for the latency charts.
 *
 * <p>May depend on the verdict's {@code claims}, {@code gate}, {@code jmh} and {@code stats}
 * packages, Jackson and JFreeChart; nothing of the adapter, test kit, conformance suite, JMH,
 * WireMock or any HTTP client (ArchitectureTest).
 */
package dev.dualpath.bench.verdict.report;
