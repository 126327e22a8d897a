package dev.dualpath.adapter.transport;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names every thread a transport starts ({@code <prefix>-<n>}) and makes it a daemon, so that a
 * transport's threads are recognisable in a dump and never keep a JVM alive.
 */
final class DaemonThreads implements ThreadFactory {

    private static final AtomicInteger TRANSPORT_IDS = new AtomicInteger();

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    DaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    /** A process-unique id, so two transports of the same kind have distinct thread names. */
    static int nextTransportId() {
        return TRANSPORT_IDS.incrementAndGet();
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
