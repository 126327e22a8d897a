package dev.dualpath.conformance.report;

import dev.dualpath.conformance.result.ConformanceResult;
import dev.dualpath.conformance.result.PathResult;
import dev.dualpath.conformance.result.ScenarioResult;
import dev.dualpath.conformance.result.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code conformance.md}: one row per scenario, one column per path plus "all agree", ✓/✗/≈/!/–
 * cells, totals at the bottom, then the detail of every failure, disagreement, stale entry, excused
 * cell and skip. Its first word is the run's {@link ConformanceResult#status()}: PASSED only when
 * no cell failed, was stale or was excused.
 */
final class ConformanceMarkdownReport {

    private ConformanceMarkdownReport() {}

    static String of(ConformanceResult r, String generatedAt) {
        StringBuilder md = new StringBuilder();
        long scenarios = r.scenarios().size();
        long cells = scenarios * r.paths().size();
        long leaking =
                r.scenarios().stream()
                        .flatMap(s -> s.paths().stream())
                        .filter(p -> !p.leaks().isEmpty())
                        .count();
        md.append("# Conformance: ").append(r.plugin()).append("\n\n");
        md.append("**")
                .append(r.status().name())
                .append("** — ")
                .append(scenarios)
                .append(" scenarios × ")
                .append(r.paths().size())
                .append(" paths = ")
                .append(cells)
                .append(" cells: ")
                .append(r.count(Verdict.PASS))
                .append(" ✓ pass, ")
                .append(r.count(Verdict.FAIL))
                .append(" ✗ fail, ")
                .append(r.count(Verdict.DIVERGED))
                .append(" ≈ excused (declared divergence), ")
                .append(r.count(Verdict.STALE))
                .append(" ! stale divergence entry, ")
                .append(r.count(Verdict.SKIPPED))
                .append(" – skipped. All paths agree on ")
                .append(r.agreementCount(Verdict.PASS))
                .append(" of ")
                .append(scenarios)
                .append(" scenarios. Cells whose client left a thread or connection behind once")
                .append(" closed: ")
                .append(leaking)
                .append(". Wall time ")
                .append(String.format(Locale.ROOT, "%.1f", r.wall().toMillis() / 1000.0))
                .append(" s. Generated ")
                .append(generatedAt)
                .append(".\n\n");
        md.append(
                "Legend: ✓ matches the expected outcome and agrees with the other paths · ✗ does"
                    + " not · ≈ departs as the plug-in's divergence file declares for this scenario"
                    + " and path (excused, never a pass; such a path is not benchmarked) · !"
                    + " declared but no longer departs (stale entry: a failure) · – skipped (reason"
                    + " below). \"agree\": every path that ran produced the same normalised outcome"
                    + " (client timing is the only thing dropped). The first word is PASSED only"
                    + " when every cell is ✓ or –.\n\n");
        table(md, r);
        details(md, r);
        return md.toString();
    }

    private static void table(StringBuilder md, ConformanceResult r) {
        md.append("| scenario |");
        r.paths().forEach(p -> md.append(' ').append(p).append(" |"));
        md.append(" agree |\n|---|");
        r.paths().forEach(p -> md.append(":-:|"));
        md.append(":-:|\n");
        for (ScenarioResult s : r.scenarios()) {
            md.append("| ").append(s.scenario().path()).append(" |");
            for (String path : r.paths()) {
                md.append(' ')
                        .append(s.path(path).map(p -> p.verdict().symbol()).orElse(""))
                        .append(" |");
            }
            md.append(' ').append(s.agreement().symbol()).append(" |\n");
        }
        md.append("| **✓ pass** |");
        r.paths().forEach(p -> md.append(' ').append(r.count(p, Verdict.PASS)).append(" |"));
        md.append(' ').append(r.agreementCount(Verdict.PASS)).append(" |\n");
        for (Verdict v : List.of(Verdict.FAIL, Verdict.DIVERGED, Verdict.STALE, Verdict.SKIPPED)) {
            md.append("| **")
                    .append(v.symbol())
                    .append(' ')
                    .append(v.name().toLowerCase(Locale.ROOT))
                    .append("** |");
            r.paths().forEach(p -> md.append(' ').append(r.count(p, v)).append(" |"));
            md.append(' ').append(r.agreementCount(v)).append(" |\n");
        }
    }

    private static void details(StringBuilder md, ConformanceResult r) {
        md.append("\n## Failures\n\n");
        boolean any = false;
        for (ScenarioResult s : r.scenarios()) {
            for (PathResult p : s.paths()) {
                if (p.verdict() == Verdict.FAIL) {
                    any = true;
                    md.append("- **")
                            .append(s.scenario().id())
                            .append("** on `")
                            .append(p.path())
                            .append("`:\n");
                    p.mismatches().forEach(m -> md.append("  - ").append(escape(m)).append('\n'));
                } else if (p.verdict() == Verdict.STALE) {
                    any = true;
                    md.append("- **")
                            .append(s.scenario().id())
                            .append("** on `")
                            .append(p.path())
                            .append("`: stale divergence entry (the cell matches and agrees);")
                            .append(" remove it: ")
                            .append(escape(p.excuse()))
                            .append('\n');
                }
            }
            if (s.agreement() == Verdict.FAIL) {
                any = true;
                md.append("- **").append(s.scenario().id()).append("**: the paths disagree:\n");
                s.disagreements().forEach(d -> md.append("  - ").append(escape(d)).append('\n'));
            }
        }
        md.append(any ? "" : "None.\n");
        md.append("\n## Excused (declared divergences)\n\n");
        any = false;
        for (ScenarioResult s : r.scenarios()) {
            for (PathResult p : s.paths()) {
                if (p.verdict() != Verdict.DIVERGED) {
                    continue;
                }
                any = true;
                md.append("- **")
                        .append(s.scenario().id())
                        .append("** on `")
                        .append(p.path())
                        .append("`: ")
                        .append(escape(p.excuse()))
                        .append("\n  - observed now: ")
                        .append(escape(String.join("; ", p.mismatches())))
                        .append('\n');
            }
        }
        md.append(any ? "" : "None.\n");
        md.append("\n## Skipped\n\n");
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (ScenarioResult s : r.scenarios()) {
            for (PathResult p : s.paths()) {
                if (p.verdict() == Verdict.SKIPPED) {
                    reasons.merge(s.scenario().id() + ": " + p.skipReason(), 1, Integer::sum);
                }
            }
        }
        reasons.forEach(
                (reason, n) ->
                        md.append("- ")
                                .append(escape(reason))
                                .append(" (")
                                .append(n)
                                .append(n == 1 ? " path" : " paths")
                                .append(")\n"));
        md.append(reasons.isEmpty() ? "None.\n" : "");
    }

    /** Keeps a mismatch on one Markdown line and out of table syntax. */
    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("|", "\\|");
    }
}
