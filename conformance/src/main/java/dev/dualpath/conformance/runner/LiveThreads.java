package dev.dualpath.conformance.runner;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A snapshot of the JVM's live threads, to prove a run left none behind: {@link #newSince} lists
 * the threads alive now that were not alive at the snapshot, minus those an {@code ignore}
 * predicate names (the fake provider's own server threads, JVM-wide singletons).
 */
public final class LiveThreads {

    /**
     * Threads that are not the client's: the fake provider's Jetty pool and scheduler ({@code
     * qtp…}, {@code Connector-Scheduler…}) and raw server, and JVM-wide singletons started on first
     * use that live for the JVM's life ({@code CompletableFutureDelayScheduler}, the common pool,
     * the cleaner, the attach listener).
     */
    public static final Predicate<Thread> NOT_THE_CLIENTS =
            t -> {
                String n = t.getName();
                return n.startsWith("qtp")
                        || n.startsWith("Connector-Scheduler")
                        || n.startsWith("raw-socket-")
                        || n.equals("CompletableFutureDelayScheduler")
                        || n.startsWith("ForkJoinPool.commonPool")
                        || n.equals("Common-Cleaner")
                        || n.equals("Attach Listener")
                        || n.startsWith("process reaper")
                        || n.startsWith("surefire-")
                        || n.startsWith("junit-");
            };

    private final Set<Thread> alive;

    private LiveThreads(Set<Thread> alive) {
        this.alive = alive;
    }

    /** The threads alive now. */
    public static LiveThreads snapshot() {
        return new LiveThreads(new HashSet<>(all()));
    }

    /**
     * Threads alive now that were not in {@code before} and that {@code ignore} does not name, by
     * name.
     */
    public static List<String> newSince(LiveThreads before, Predicate<Thread> ignore) {
        return all().stream()
                .filter(t -> t.isAlive() && !before.alive.contains(t) && !ignore.test(t))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    /**
     * Every live platform thread, from the root thread group: unlike {@code
     * Thread.getAllStackTraces()} it takes no stack, so it is cheap enough to run around every
     * scenario on every path.
     */
    private static List<Thread> all() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return Arrays.asList(threads).subList(0, n);
    }
}
