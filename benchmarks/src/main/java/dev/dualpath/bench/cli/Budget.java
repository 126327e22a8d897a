package dev.dualpath.bench.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Parses a time budget: {@code 90s}, {@code 10m}, {@code 1h}, {@code 1h30m}, or ISO {@code PT10M}.
 */
final class Budget implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * @throws IllegalArgumentException naming the value if it is none of the accepted forms or not
     *     positive
     */
    static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Duration d;
        if (v.startsWith("pt")) {
            d = Duration.parse(v.toUpperCase(Locale.ROOT));
        } else {
            Matcher m = SHORT.matcher(v);
            if (v.isEmpty() || !m.matches()) {
                throw new IllegalArgumentException(
                        "not a duration: '" + value + "' (e.g. 90s, 10m, 1h30m)");
            }
            d =
                    Duration.ofHours(part(m.group(1)))
                            .plusMinutes(part(m.group(2)))
                            .plusSeconds(part(m.group(3)));
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("a budget must be positive, was '" + value + "'");
        }
        return d;
    }

    private static long part(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }
}
