package dev.dualpath.bench.verdict.claims;

import java.util.Map;

/**
 * How a claim is measured on one side: named quantities and the expression over them.
 *
 * @param quantities name to quantity, in declaration order
 * @param expressionText the expression as written
 * @param expression the parsed expression; every name in it is a key of {@code quantities}
 * @param requiresProfile run profile the quantities need (e.g. {@code full}), or null; if the run
 *     was not of that profile and a quantity is absent, the claim is NOT_MEASURED rather than an
 *     input error
 * @param note what the reader should know about this side's measurement (e.g. "latency modelled"),
 *     or null
 * @param field the JSON path of this evaluation in claims.json, for error messages
 * @param optional whether a quantity absent from the run (a JMH series or secondary metric, a
 *     Python series) makes the claim INCONCLUSIVE with that reason rather than an input error: for
 *     data that only newer runs record
 */
public record Evaluation(
        Map<String, Quantity> quantities,
        String expressionText,
        Expression expression,
        String requiresProfile,
        String note,
        String field,
        boolean optional) {}
