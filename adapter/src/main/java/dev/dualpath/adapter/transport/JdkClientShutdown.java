package dev.dualpath.adapter.transport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Ends a JDK {@link HttpClient}'s selector thread when its transport closes, on every JDK.
 *
 * <p>From JDK 21 the client has {@code shutdownNow()}, called reflectively so that the project
 * still builds on 17. JDK 17–20 have no such method, and the selector thread ends by itself only
 * once the client is unreachable <em>and</em> has no operation pending. That second condition is
 * what leaked a thread: interrupting a caller blocked in {@code send()} while the response body is
 * stalled makes {@code send()} cancel its exchange, and now and then (about one interrupt in four,
 * on a 2-CPU machine) the JDK's own exchange future never completes, so the client's
 * pending-operation count stays at one forever and the thread never exits, however long the client
 * has been unreachable. The selector loop also ends when its thread is interrupted ({@code while
 * (!isInterrupted() && !closed)}, then it closes every connection of the client), so on those JDKs
 * {@link #shutdown} interrupts that thread and waits for it to end. It is found by name: the JDK
 * names it {@code HttpClient-<id>-SelectorManager}, and the client's {@code toString()} ends with
 * {@code (<id>)} (the JDK's own tests rely on both).
 */
final class JdkClientShutdown {

    /** How long {@link #shutdown} waits for the selector thread to end. */
    static final Duration JOIN_BOUND = Duration.ofSeconds(2);

    private JdkClientShutdown() {}

    /**
     * Finds the selector thread of a client just built, on the building thread: it is started by
     * {@code build()}, in the builder's thread group.
     *
     * @return the thread, or null when the JDK names it otherwise (nothing to end at close)
     */
    static @Nullable Thread selectorThreadOf(HttpClient client) {
        String name = selectorThreadName(client.toString());
        if (name == null) {
            return null;
        }
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (name.equals(threads[i].getName())) {
                return threads[i];
            }
        }
        return null;
    }

    /**
     * The selector thread's name for a client whose {@code toString()} is {@code text}, e.g. {@code
     * jdk.internal.net.http.HttpClientImpl@1b2c3d(7)} → {@code HttpClient-7-SelectorManager}; null
     * when {@code text} does not end with a numeric id in parentheses.
     */
    static @Nullable String selectorThreadName(String text) {
        int open = text.lastIndexOf('(');
        if (open < 0 || !text.endsWith(")") || open + 2 > text.length() - 1) {
            return null;
        }
        String id = text.substring(open + 1, text.length() - 1);
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return null;
            }
        }
        return "HttpClient-" + id + "-SelectorManager";
    }

    /**
     * Shuts the client down: {@code shutdownNow()} where it exists, else interrupts {@code
     * selector} and waits up to {@link #JOIN_BOUND} for it to end. Never throws.
     *
     * @param selector the thread found by {@link #selectorThreadOf}, or null
     */
    static void shutdown(@Nullable HttpClient client, @Nullable Thread selector) {
        if (shutdownNow(client) || selector == null) {
            return;
        }
        selector.interrupt();
        try {
            selector.join(JOIN_BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Calls {@code HttpClient.shutdownNow()} (JDK 21+); false when there is no such method. */
    private static boolean shutdownNow(@Nullable HttpClient client) {
        Method method;
        try {
            method = HttpClient.class.getMethod("shutdownNow");
        } catch (NoSuchMethodException e) {
            return false; // JDK 17-20
        }
        try {
            method.invoke(client);
            return true;
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return false; // fall back to ending the thread
        }
    }
}
