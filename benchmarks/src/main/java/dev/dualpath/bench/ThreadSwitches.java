package dev.dualpath.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calling thread's voluntary context switches, from {@code /proc/thread-self/status}: how many
 * times it gave up the CPU to wait (a lock, a future, a sleep). Linux only.
 */
final class ThreadSwitches {

    private static final Path STATUS = Path.of("/proc/thread-self/status");
    private static final String FIELD = "voluntary_ctxt_switches:";

    private ThreadSwitches() {}

    /** The current thread's count so far, or -1 where the kernel does not say. */
    static long voluntary() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith(FIELD)) {
                    return Long.parseLong(line.substring(FIELD.length()).trim());
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
