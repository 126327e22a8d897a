package dev.dualpath.bench.verdict.report;

import java.util.function.Supplier;

/** The report formats, each mapped to the factory of its writer. */
public enum ReportFormat {
    /** {@code report.md}: fits a PR comment or {@code $GITHUB_STEP_SUMMARY}. */
    MARKDOWN(MarkdownReport::new),
    /** {@code report.json}: every figure, machine-readable. */
    JSON(JsonReport::new),
    /** {@code junit.xml}: one test case per gated series and per claim check. */
    JUNIT(JunitReport::new),
    /** {@code charts/*.png} (with a {@code .csv} of each chart's data). */
    CHARTS(ChartsReport::new);

    private final Supplier<ReportWriter> factory;

    ReportFormat(Supplier<ReportWriter> factory) {
        this.factory = factory;
    }

    /** A new writer for this format. */
    public ReportWriter writer() {
        return factory.get();
    }
}
