package dev.dualpath.bench.verdict.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dualpath.bench.verdict.claims.ClaimResult;
import dev.dualpath.bench.verdict.claims.ClaimStatus;
import dev.dualpath.bench.verdict.claims.ClaimsResult;
import dev.dualpath.bench.verdict.gate.GateResult;
import dev.dualpath.bench.verdict.gate.GateRow;
import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * JSON report ({@code report.json}). Numbers are rounded to 6 significant digits (so the file is
 * identical across platforms); NaN and infinities are {@code null}. Shape: {@code {environment,
 * statistics, gate: {summary, rows[], missing[], added[], renamed[]}, claims: {summary, python,
 * results[]}}}.
 */
public final class JsonReport implements ReportWriter {

    /** File name written. */
    public static final String FILE = "report.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public List<Path> write(VerdictReport report, Path outDir) throws IOException {
        return ReportWriter.writeText(outDir, FILE, render(report));
    }

    /** The report as pretty-printed JSON with {@code \n} line ends. */
    public String render(VerdictReport r) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        RunEnvironment e = r.environment();
        ObjectNode env = root.putObject("environment");
        env.put("jvm", e.jvm())
                .put("jvmVersion", e.jvmVersion())
                .put("os", e.os())
                .put("cpus", e.cpus())
                .put("gitCommit", e.gitCommit())
                .put("date", e.date())
                .put("profile", e.profile())
                .put("run", Fmt.shortPath(r.run().file()));
        if (!RunEnvironment.UNKNOWN.equals(e.cpuWake())) {
            env.put("cpuWake", e.cpuWake());
        }
        r.baseline().ifPresent(b -> env.put("baseline", Fmt.shortPath(b)));
        if (!r.cautions().isEmpty()) {
            ArrayNode cautions = root.putArray("cautions");
            r.cautions().forEach(cautions::add);
        }
        ObjectNode stats = root.putObject("statistics");
        stats.put("description", ReportText.statistics(r.bootstrap()))
                .put("confidence", r.bootstrap().confidence())
                .put("resamples", r.bootstrap().resamples())
                .put("seed", r.bootstrap().seed());
        r.gate().ifPresent(g -> gate(root.putObject("gate"), g));
        r.claims().ifPresent(c -> claims(root.putObject("claims"), c));
        DefaultPrettyPrinter pp =
                new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return MAPPER.writer(pp).writeValueAsString(root) + "\n";
    }

    private static void gate(ObjectNode node, GateResult g) {
        node.putObject("summary")
                .put("fail", g.count(GateVerdict.FAIL))
                .put("pass", g.count(GateVerdict.PASS))
                .put("inconclusive", g.count(GateVerdict.INCONCLUSIVE))
                .put("missing", g.missing().size())
                .put("added", g.added().size())
                .put("renamed", g.renamed().size());
        ArrayNode rows = node.putArray("rows");
        for (GateRow r : g.rows()) {
            ObjectNode o = rows.addObject();
            id(o, r.id());
            o.put("verdict", r.verdict().name())
                    .put("improved", r.improved())
                    .put("unit", r.unit())
                    .put("direction", r.direction().name());
            o.put("baselineMean", Fmt.json(r.baseline().mean()))
                    .put("currentMean", Fmt.json(r.current().mean()));
            o.put("baselineUnits", r.baseline().size())
                    .put("currentUnits", r.current().size())
                    .put("unitBasis", r.current().basis().label());
            interval(o.putObject("ratio"), r.ratio());
            o.put("minEffect", Fmt.json(r.minEffect()))
                    .put("minDetectableEffect", Fmt.json(r.minDetectableEffect()))
                    .put("family", r.family().name())
                    .put("adjustedP", Fmt.json(r.adjustedP()))
                    .put("forksToDecide", r.forksToDecide())
                    .put("note", r.note());
            g.spread().of(r.id()).ifPresent(sp -> o.put("runSpreadLogSd", Fmt.json(sp.logSd())));
        }
        if (!g.spread().isEmpty()) {
            ObjectNode spread = node.putObject("runSpread");
            spread.put("series", g.withSpread());
            g.spread().runs().forEach(spread.putArray("runs")::add);
        }
        ArrayNode missing = node.putArray("missing");
        g.missing().forEach(id -> id(missing.addObject(), id));
        ArrayNode added = node.putArray("added");
        g.added().forEach(id -> id(added.addObject(), id));
        ArrayNode renamed = node.putArray("renamed");
        g.renamed()
                .forEach(
                        rn ->
                                renamed.addObject()
                                        .put("from", rn.from().display())
                                        .put("to", rn.to().display()));
    }

    private static void claims(ObjectNode node, ClaimsResult c) {
        node.putObject("summary")
                .put("holds", c.count(ClaimStatus.HOLDS))
                .put("fails", c.count(ClaimStatus.FAILS))
                .put("inconclusive", c.count(ClaimStatus.INCONCLUSIVE))
                .put("notMeasured", c.count(ClaimStatus.NOT_MEASURED));
        node.put("claimsFile", Fmt.shortPath(c.claimsFile()))
                .put("python", c.python())
                .put("pythonSdk", c.sdk().describe());
        ArrayNode results = node.putArray("results");
        for (ClaimResult r : c.results()) {
            ObjectNode o = results.addObject();
            o.put("id", r.claim().id())
                    .put("subject", r.subject())
                    .put("side", r.side().jsonKey())
                    .put("status", r.status().name())
                    .put("kind", r.claim().kind().jsonName())
                    .put("target", Fmt.json(r.claim().target()))
                    .put("unit", r.claim().unit())
                    .put("absolute", r.claim().absolute())
                    .put("acceptedLow", Fmt.json(r.claim().low()))
                    .put("acceptedHigh", Fmt.json(r.claim().high()));
            interval(o.putObject("value"), r.value());
            ArrayNode inputs = o.putArray("inputs");
            r.inputs()
                    .forEach(
                            i ->
                                    inputs.addObject()
                                            .put("name", i.name())
                                            .put("source", i.source())
                                            .put("mean", Fmt.json(i.mean()))
                                            .put("units", i.units())
                                            .put("basis", i.basis()));
            o.put("reason", r.reason())
                    .put("source", r.claim().source())
                    .put("statement", r.claim().statement());
        }
    }

    private static void id(ObjectNode o, BenchmarkId id) {
        o.put("benchmark", id.benchmark()).put("mode", id.mode());
        ObjectNode params = o.putObject("params");
        id.params().forEach(params::put);
        o.put("secondary", id.secondary());
    }

    private static void interval(ObjectNode o, ConfidenceInterval ci) {
        o.put("point", Fmt.json(ci.point()))
                .put("lower", Fmt.json(ci.lower()))
                .put("upper", Fmt.json(ci.upper()))
                .put("confidence", ci.confidence());
        if (!ci.note().isEmpty()) o.put("note", ci.note());
    }
}
