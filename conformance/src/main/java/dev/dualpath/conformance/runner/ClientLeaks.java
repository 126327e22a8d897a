package dev.dualpath.conformance.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * What one closed client left behind: threads started since a snapshot taken before it was built,
 * and client connections still open to the port it called. Awaited with a bound after every
 * scenario on every path, so a leak is pinned to the cell that caused it.
 */
final class ClientLeaks {

    /**
     * How long a closed client may take to end its threads and sockets (an executor's worker
     * finishing its last task, an I/O reactor noticing its shutdown). Healthy clients take
     * milliseconds; the bound only decides how long a real leak is waited for.
     */
    static final Duration BOUND = Duration.ofSeconds(10);

    private ClientLeaks() {}

    /**
     * Waits (bounded) for the closed client's threads to end and its connections to close.
     *
     * @param before threads alive before the client was built
     * @param ignore threads that are not the client's
     * @param port the port the client called (connections to it are counted), or -1 for none
     * @return one line per leaked thread, plus one for open connections; empty when clean
     */
    static List<String> await(LiveThreads before, Predicate<Thread> ignore, int port) {
        LeakCheck.await(
                () -> LiveThreads.newSince(before, ignore).isEmpty() && openConnections(port) == 0,
                BOUND);
        List<String> out = new ArrayList<>();
        LiveThreads.newSince(before, ignore).forEach(t -> out.add("thread " + t));
        int open = openConnections(port);
        if (open > 0) {
            out.add(open + " open connection(s) to port " + port);
        }
        return out;
    }

    private static int openConnections(int port) {
        if (port < 0) {
            return 0;
        }
        OptionalInt n = OpenConnections.toPort(port);
        return n.orElse(0);
    }
}
