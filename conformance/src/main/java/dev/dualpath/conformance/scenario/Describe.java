package dev.dualpath.conformance.scenario;

import java.util.List;
import java.util.Objects;

/** Small helpers for mismatch messages. */
final class Describe {

    private static final int MAX_SHOWN = 80;

    private Describe() {}

    /** A string quoted and cut to 80 chars (content can be 8 MiB). */
    static String text(String s) {
        if (s == null) {
            return "null";
        }
        String cut =
                s.length() <= MAX_SHOWN
                        ? s
                        : s.substring(0, MAX_SHOWN) + "…(" + s.length() + " chars)";
        return '"' + cut + '"';
    }

    static void text(List<String> out, String field, TextExpectation expected, String actual) {
        if (expected != null) {
            add(out, field, expected.mismatch(actual));
        }
    }

    static <T> void check(List<String> out, String field, Check<T> expected, T actual) {
        if (expected != null) {
            add(out, field, expected.mismatch(actual));
        }
    }

    static void equal(List<String> out, String field, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            out.add(field + ": expected " + expected + " but was " + actual);
        }
    }

    private static void add(List<String> out, String field, String mismatch) {
        if (mismatch != null) {
            out.add(field + ": " + mismatch);
        }
    }
}
