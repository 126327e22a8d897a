package dev.dualpath.adapter.secret;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stands in, in a cause chain, for an exception whose message held the API key: same class name (in
 * {@link #toString()}, so a printed stack trace reads as before), same stack, the message with the
 * key masked. An exception a client library throws may quote a request header (e.g. {@code invalid
 * header value: "Bearer sk-…"}), and a provider exception keeps the library's exception as its
 * cause; {@link #scrub} makes sure that no message, {@code toString()} or stack trace anywhere in
 * the chain holds the key.
 */
public final class RedactedThrowable extends Exception {

    private static final long serialVersionUID = 1L;

    /** Guards against a chain that loops back on itself, or a pathological depth. */
    private static final int MAX_DEPTH = 32;

    /** The class name of the exception this one stands in for. */
    private final String originalClass;

    private RedactedThrowable(
            String originalClass, @Nullable String message, @Nullable Throwable cause) {
        super(message, cause, false, true);
        this.originalClass = originalClass;
    }

    /** The fully qualified class name of the exception this one replaces. */
    public String originalClass() {
        return originalClass;
    }

    /**
     * {@code <original class>: <message with the key masked>}, as the original would print: a stack
     * trace shows the class it stands in for, not this one.
     */
    @SuppressWarnings("OverrideThrowableToString") // on purpose: the original's class name leads
    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }

    /**
     * {@code cause} itself when nothing in its chain (causes and suppressed exceptions, 32 deep)
     * holds the key in its message or {@code toString()}; otherwise a copy of the chain made of
     * {@link RedactedThrowable}s, the key masked in every message, stacks kept.
     *
     * @param cause the cause to keep; null stays null
     * @param key the key that must not appear
     */
    public static @Nullable Throwable scrub(@Nullable Throwable cause, ApiKey key) {
        if (cause == null
                || !holdsKey(cause, key, Collections.newSetFromMap(new IdentityHashMap<>()), 0)) {
            return cause;
        }
        return copy(cause, key, 0);
    }

    private static boolean holdsKey(
            @Nullable Throwable t, ApiKey key, Set<Throwable> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
            return false;
        }
        if (key.occursIn(t.getMessage())
                || key.occursIn(t.getLocalizedMessage())
                || key.occursIn(t.toString())) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (holdsKey(s, key, seen, depth + 1)) {
                return true;
            }
        }
        return holdsKey(t.getCause(), key, seen, depth + 1);
    }

    private static Throwable copy(Throwable t, ApiKey key, int depth) {
        Throwable cause = t.getCause();
        Throwable copiedCause =
                cause == null || cause == t || depth >= MAX_DEPTH
                        ? null
                        : copy(cause, key, depth + 1);
        RedactedThrowable copy =
                new RedactedThrowable(
                        t.getClass().getName(), key.redact(t.getMessage()), copiedCause);
        copy.setStackTrace(t.getStackTrace());
        if (depth < MAX_DEPTH) {
            for (Throwable s : t.getSuppressed()) {
                copy.addSuppressed(copy(s, key, depth + 1));
            }
        }
        return copy;
    }
}
