package dev.dualpath.conformance.runner;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Says where two values differ, field by field through records and lists, so a disagreement between
 * paths names the field ({@code call 0: response.choices[0].content}) instead of dumping two
 * multi-megabyte values. Long texts are abbreviated.
 */
public final class OutcomeDiff {

    private static final int MAX_TEXT = 120;
    private static final int MAX_DIFFS = 10;

    private OutcomeDiff() {}

    /** Every differing field (at most 10), as {@code field: a vs b}; empty when equal. */
    public static List<String> describe(Object a, Object b) {
        List<String> out = new ArrayList<>();
        diff("", a, b, out);
        return out;
    }

    /** {@code value} as text, cut to 120 characters with its full length noted. */
    public static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() <= MAX_TEXT
                ? s
                : s.substring(0, MAX_TEXT) + "… (" + s.length() + " chars)";
    }

    private static void diff(String at, Object a, Object b, List<String> out) {
        if (out.size() >= MAX_DIFFS || Objects.equals(a, b)) {
            return;
        }
        if (a != null && b != null && a.getClass() == b.getClass() && a.getClass().isRecord()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                diff(join(at, c.getName()), read(c, a), read(c, b), out);
            }
            return;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) {
                diff(at + "[" + i + "]", la.get(i), lb.get(i), out);
            }
            return;
        }
        out.add((at.isEmpty() ? "value" : at) + ": " + abbreviate(a) + " vs " + abbreviate(b));
    }

    private static String join(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot read " + c.getName() + " of " + record.getClass().getName(), e);
        }
    }
}
