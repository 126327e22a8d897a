package dev.dualpath.bench.verdict.cli;

import dev.dualpath.bench.verdict.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Where reports go, shared by the commands. */
final class OutputOptions {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Write reports into DIR (report.md, report.json, junit.xml, charts/). The"
                            + " Markdown is always printed.")
    Path out;

    @Option(
            names = "--format",
            split = ",",
            paramLabel = "FORMAT",
            description =
                    "Formats to write with --out: markdown, json, junit, charts (default:"
                            + " markdown,json,junit; report: all).")
    List<String> formats = new ArrayList<>();

    @Option(
            names = "--git-commit",
            paramLabel = "SHA",
            description = "Git commit to state in the report header (overrides env.json).")
    String gitCommit;

    /**
     * @throws IllegalArgumentException naming the unknown format
     */
    List<ReportFormat> formatsOr(List<ReportFormat> defaults) {
        if (formats.isEmpty()) return defaults;
        List<ReportFormat> out = new ArrayList<>();
        for (String f : formats) {
            try {
                out.add(ReportFormat.valueOf(f.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--format: unknown format '" + f + "' (markdown, json, junit, charts)");
            }
        }
        return out;
    }
}
