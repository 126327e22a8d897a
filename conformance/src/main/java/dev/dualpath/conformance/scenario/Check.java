package dev.dualpath.conformance.scenario;

import java.util.Objects;

/**
 * An expected value that may itself be null. Fields of this type are not checked when the field is
 * null; a {@code Check} is checked, against its value (so {@code new Check<>(null)} requires null).
 *
 * @param value the required value, possibly null
 */
public record Check<T>(T value) {

    /** Returns null when {@code actual} matches, else a short description of the difference. */
    public String mismatch(T actual) {
        if (value instanceof Double d && actual instanceof Double a) {
            return Math.abs(d - a) <= 1e-9 * Math.max(1.0, Math.abs(d))
                    ? null
                    : "expected " + d + " but was " + a;
        }
        return Objects.equals(value, actual) ? null : "expected " + value + " but was " + actual;
    }
}
