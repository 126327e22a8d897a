package dev.dualpath.conformance.scenario;

import dev.dualpath.conformance.fake.InvalidFieldException;
import java.util.Objects;

/**
 * An expected string. In a scenario file: a string means {@link Equals}, {@code null} means {@link
 * IsNull}, and an object {@code {"length", "startsWith", "endsWith", "contains"}} means {@link
 * Shape} (for values too large to spell out, such as an 8 MiB content).
 */
public sealed interface TextExpectation
        permits TextExpectation.Equals, TextExpectation.IsNull, TextExpectation.Shape {

    /** Returns null when {@code actual} matches, else a short description of the difference. */
    String mismatch(String actual);

    /** The value must be exactly this string. */
    record Equals(String value) implements TextExpectation {
        public Equals {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String mismatch(String actual) {
            return value.equals(actual)
                    ? null
                    : "expected " + Describe.text(value) + " but was " + Describe.text(actual);
        }
    }

    /** The value must be null (absent). */
    record IsNull() implements TextExpectation {
        @Override
        public String mismatch(String actual) {
            return actual == null ? null : "expected null but was " + Describe.text(actual);
        }
    }

    /**
     * The value must be non-null and match every given property; null properties are not checked.
     *
     * @param length length in UTF-16 chars ({@link String#length()}), or null
     * @param startsWith required prefix, or null
     * @param endsWith required suffix, or null
     * @param contains required substring, or null
     */
    record Shape(Integer length, String startsWith, String endsWith, String contains)
            implements TextExpectation {
        /**
         * @throws InvalidFieldException if nothing is checked or the length is negative
         */
        public Shape {
            if (length == null && startsWith == null && endsWith == null && contains == null) {
                throw new InvalidFieldException(
                        "length", "or startsWith, endsWith, contains must be given");
            }
            if (length != null && length < 0) {
                throw new InvalidFieldException("length", "must be >= 0, was " + length);
            }
        }

        @Override
        public String mismatch(String actual) {
            if (actual == null) {
                return "expected a string but was null";
            }
            if (length != null && actual.length() != length) {
                return "expected length " + length + " but was " + actual.length();
            }
            if (startsWith != null && !actual.startsWith(startsWith)) {
                return "expected to start with "
                        + Describe.text(startsWith)
                        + " but was "
                        + Describe.text(actual);
            }
            if (endsWith != null && !actual.endsWith(endsWith)) {
                return "expected to end with "
                        + Describe.text(endsWith)
                        + " but was "
                        + Describe.text(actual);
            }
            if (contains != null && !actual.contains(contains)) {
                return "expected to contain "
                        + Describe.text(contains)
                        + " but was "
                        + Describe.text(actual);
            }
            return null;
        }
    }

    /** Exactly {@code value}, or null when {@code value} is null. */
    static TextExpectation of(String value) {
        return value == null ? new IsNull() : new Equals(value);
    }
}
