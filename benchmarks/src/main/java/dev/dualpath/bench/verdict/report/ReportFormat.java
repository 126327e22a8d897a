package dev.dualpath.bench.verdict.report;

/** The report formats, each making the writer of its format. */
public enum ReportFormat {
    /** {@code report.md}: fits a PR comment or {@code $GITHUB_STEP_SUMMARY}. */
    MARKDOWN {
        @Override
        public ReportWriter writer() {
            return new MarkdownReport();
        }
    },
    /** {@code report.json}: every figure, machine-readable. */
    JSON {
        @Override
        public ReportWriter writer() {
            return new JsonReport();
        }
    },
    /** {@code junit.xml}: one test case per gated series and per claim check. */
    JUNIT {
        @Override
        public ReportWriter writer() {
            return new JunitReport();
        }
    },
    /** {@code charts/*.png} (with a {@code .csv} of each chart's data). */
    CHARTS {
        @Override
        public ReportWriter writer() {
            return new ChartsReport();
        }
    };

    /** A new writer for this format. */
    public abstract ReportWriter writer();
}
