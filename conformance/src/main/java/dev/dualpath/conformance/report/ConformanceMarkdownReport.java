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
 * {@code conformance.md}: one row per scenario, one column per path plus "all agree", ✓/✗ cells,
 * totals at the bottom, then the detail of every failure, disagreement, expected divergence, stale
 * divergence entry and skip.
 */
final class ConformanceMarkdownReport {

    private ConformanceMarkdownReport() {}

    static String of(ConformanceResult r, String generatedAt) {
        StringBuilder md = new StringBuilder();
        long scenarios = r.scenarios().size();
        long cells = scenarios * r.paths().size();
        long pass = r.paths().stream().mapToLong(p -> r.count(p, Verdict.PASS)).sum();
        long fail = r.paths().stream().mapToLong(p -> r.count(p, Verdict.FAIL)).sum();
        long diverged = r.paths().stream().mapToLong(p -> r.count(p, Verdict.DIVERGED)).sum();
        long skipped = r.paths().stream().mapToLong(p -> r.count(p, Verdict.SKIPPED)).sum();
        md.append("# Conformance: ").append(r.plugin()).append("\n\n");
        md.append("**")
                .append(r.passed() ? "PASSED" : "FAILED")
                .append("** — ")
                .append(scenarios)
                .append(" scenarios × ")
                .append(r.paths().size())
                .append(" paths = ")
                .append(cells)
                .append(" cells: ")
                .append(pass)
                .append(" ✓ pass, ")
                .append(fail)
                .append(" ✗ fail, ")
                .append(diverged)
                .append(" ≈ expected divergence, ")
                .append(skipped)
                .append(" – skipped. All paths agree on ")
                .append(r.agreementCount(Verdict.PASS))
                .append(" of ")
                .append(scenarios)
                .append(" scenarios. Wall time ")
                .append(String.format("%.1f", r.wall().toMillis() / 1000.0))
                .append(" s. Generated ")
                .append(generatedAt)
                .append(".\n\n");
        md.append(
                        "Legend: ✓ matches the expected outcome · ✗ does not · ≈ departs as the"
                                + " plug-in's expected-divergence ")
                .append(
                        "list says (a finding, not a failure) · – skipped (reason below)."
                                + " \"agree\": every path that ran ")
                .append(
                        "produced the same normalised outcome (client timing is the only thing"
                                + " dropped).\n\n");
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
            md.append("| ")
                    .append(s.scenario().path())
                    .append(s.staleDivergence() ? " (stale divergence)" : "")
                    .append(" |");
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
        for (Verdict v : List.of(Verdict.FAIL, Verdict.DIVERGED, Verdict.SKIPPED)) {
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
                }
            }
            if (s.agreement() == Verdict.FAIL) {
                any = true;
                md.append("- **").append(s.scenario().id()).append("**: the paths disagree:\n");
                s.disagreements().forEach(d -> md.append("  - ").append(escape(d)).append('\n'));
            }
        }
        md.append(any ? "" : "None.\n");
        md.append("\n## Expected divergences\n\n");
        any = false;
        for (ScenarioResult s : r.scenarios()) {
            if (s.divergence() == null) {
                continue;
            }
            any = true;
            md.append("- **")
                    .append(s.scenario().id())
                    .append("**")
                    .append(
                            s.staleDivergence()
                                    ? " — STALE: declared but every path matched; remove the entry"
                                    : "")
                    .append(": ")
                    .append(escape(s.divergence()))
                    .append('\n');
            for (PathResult p : s.paths()) {
                if (p.verdict() == Verdict.DIVERGED) {
                    md.append("  - `")
                            .append(p.path())
                            .append("`: ")
                            .append(escape(String.join("; ", p.mismatches())))
                            .append('\n');
                }
            }
            if (s.agreement() == Verdict.DIVERGED) {
                s.disagreements()
                        .forEach(
                                d ->
                                        md.append("  - disagreement: ")
                                                .append(escape(d))
                                                .append('\n'));
            }
        }
        md.append(any ? "" : "None declared.\n");
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
