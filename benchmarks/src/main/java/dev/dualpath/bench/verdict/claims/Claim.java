package dev.dualpath.bench.verdict.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One checkable statement from the original write-up.
 *
 * @param id unique, stable id (used as the JUnit test name)
 * @param source the sentence of the original write-up the claim is taken from, verbatim as quoted
 *     in {@code docs/origin.md}; {@code <quote> of "<quote>"} for a share of another figure
 * @param statement the claim as a checkable statement
 * @param kind its shape
 * @param target the number the claim states, in {@code unit}
 * @param tolerance how far the value may be from the target
 * @param unit unit of the expression's value ({@code ms}, {@code x}, {@code fraction})
 * @param absolute true when the target is an absolute time from the original machine; the report
 *     says it is evaluated on this machine's same-run overhead
 * @param subjects subject names (keys of {@link ClaimsFile#subjects()}) the claim is checked on;
 *     empty for a claim with no subject
 * @param sides how it is measured per side (Java, Python); at least one
 * @param index position in the file, for error messages
 */
public record Claim(
        String id,
        String source,
        String statement,
        ClaimKind kind,
        double target,
        Tolerance tolerance,
        String unit,
        boolean absolute,
        List<String> subjects,
        Map<Side, Evaluation> sides,
        int index) {

    /** Freezes the collections. */
    public Claim {
        subjects = List.copyOf(subjects);
        sides = Map.copyOf(sides);
    }

    /** The evaluation for a side, if the claim has one. */
    public Optional<Evaluation> side(Side side) {
        return Optional.ofNullable(sides.get(side));
    }

    /** Lowest value agreeing with the claim. */
    public double low() {
        return kind.low(target, tolerance);
    }

    /** Highest value agreeing with the claim. */
    public double high() {
        return kind.high(target, tolerance);
    }
}
