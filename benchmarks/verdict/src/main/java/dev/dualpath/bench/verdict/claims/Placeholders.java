package dev.dualpath.bench.verdict.claims;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${name}} in claim strings; unknown names are left in place to be reported. */
final class Placeholders {

    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private Placeholders() {}

    static String apply(String s, Map<String, String> vars) {
        if (s == null) return null;
        Matcher m = VAR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static boolean hasPlaceholder(String s) {
        return s != null && VAR.matcher(s).find();
    }
}
