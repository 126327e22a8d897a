package dev.dualpath.adapter.core;

import dev.dualpath.adapter.wire.WireResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the delay a server asked for, shared by {@link ErrorMapper} (for {@code RateLimitInfo}) and
 * {@link RetryPolicy} (which may meet it on a 503 too), so both read it the same way.
 *
 * <p>Order, as the official SDKs: {@code retry-after-ms} (milliseconds, may be fractional); if it
 * is absent or not a number, {@code retry-after} (seconds, may be fractional, or an HTTP date taken
 * relative to the clock). A value that looks like a number is only ever read as a number, never as
 * a date; an HTTP date must start with its day name (IMF-fixdate, RFC 9110 §5.6.7).
 */
final class RetryAfterParser {

    static final String RETRY_AFTER_MS = "retry-after-ms";
    static final String RETRY_AFTER = "retry-after";

    /**
     * Plain decimal numbers, optionally signed, with optional fraction and exponent; no
     * NaN/Infinity/hex.
     */
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");

    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private RetryAfterParser() {}

    /**
     * Returns the requested delay (zero allowed), or null when absent, unparseable, negative, a
     * date in the past, or too large for a {@link Duration} in nanoseconds (~292 years).
     */
    static @Nullable Duration parse(@Nullable WireResponse response, Clock clock) {
        if (response == null) {
            return null;
        }
        String ms = trimmed(response.header(RETRY_AFTER_MS));
        if (ms != null && NUMBER.matcher(ms).matches()) {
            // A number here is the answer even when negative: the SDKs do not fall through then.
            return fromNumber(ms, 6);
        }
        String value = trimmed(response.header(RETRY_AFTER));
        if (value == null) {
            return null;
        }
        if (NUMBER.matcher(value).matches()) {
            return fromNumber(value, 9);
        }
        return fromHttpDate(value, clock);
    }

    /**
     * @param toNanosShift 9 for seconds, 6 for milliseconds
     */
    static @Nullable Duration fromNumber(String number, int toNanosShift) {
        BigDecimal nanos;
        try {
            nanos = new BigDecimal(number).movePointRight(toNanosShift);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        if (nanos.signum() < 0 || nanos.compareTo(MAX_NANOS) > 0) {
            return null;
        }
        // Sub-nanosecond fractions are dropped: the clock cannot wait for them anyway.
        return Duration.ofNanos(nanos.longValue());
    }

    static @Nullable Duration fromHttpDate(String value, Clock clock) {
        if (value.isEmpty() || !Character.isLetter(value.charAt(0))) {
            return null;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration delay = Duration.between(clock.instant(), at.toInstant());
            return delay.isNegative() ? null : delay;
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static @Nullable String trimmed(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String t = header.strip();
        return t.isEmpty() ? null : t;
    }
}
