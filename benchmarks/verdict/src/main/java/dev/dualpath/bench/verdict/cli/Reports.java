package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.report.MarkdownReport;
import dev.dualpath.bench.verdict.report.ReportFormat;
import dev.dualpath.bench.verdict.report.VerdictReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Prints the Markdown report and writes the requested formats. */
final class Reports {

    /** Formats gate and claims write with --out unless told otherwise. */
    static final List<ReportFormat> TEXT_FORMATS =
            List.of(ReportFormat.MARKDOWN, ReportFormat.JSON, ReportFormat.JUNIT);

    private Reports() {}

    static void emit(
            VerdictReport report,
            OutputOptions options,
            List<ReportFormat> defaults,
            Path defaultOut,
            PrintWriter out,
            PrintWriter err)
            throws IOException {
        // On stderr too: a CI log shows stderr when stdout is captured into a file.
        report.cautions().forEach(c -> err.println("caution: " + c));
        out.print(new MarkdownReport().render(report));
        out.flush();
        Path dir = options.out != null ? options.out : defaultOut;
        if (dir == null) return;
        for (ReportFormat format : options.formatsOr(defaults)) {
            for (Path written : format.writer().write(report, dir)) err.println("wrote " + written);
        }
        err.flush();
    }
}
