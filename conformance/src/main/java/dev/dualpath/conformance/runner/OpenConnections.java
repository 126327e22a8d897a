package dev.dualpath.conformance.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Counts client-side TCP connections to one local port from the kernel's socket tables ({@code
 * /proc/net/tcp} and {@code /proc/net/tcp6}, Linux only): rows whose remote port is the port and
 * whose state is ESTABLISHED or CLOSE_WAIT (the server closed, the client never did — the classic
 * pooled-connection leak). The port is the fake provider's dynamic WireMock port, which only this
 * JVM's clients connect to, so other processes on the machine do not count.
 */
public final class OpenConnections {

    private static final List<Path> TABLES =
            List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";
    private static final String CLOSE_WAIT = "08";

    private OpenConnections() {}

    /** Whether the socket tables can be read here (false off Linux). */
    public static boolean supported() {
        return Files.isReadable(TABLES.get(0));
    }

    /**
     * Returns the open client connections to {@code port}, or empty where the tables cannot be
     * read.
     */
    public static OptionalInt toPort(int port) {
        if (!supported()) {
            return OptionalInt.empty();
        }
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        int count = 0;
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(table)) {
                    String[] f = line.trim().split("\\s+", -1);
                    // sl local_address rem_address st ...; addresses are HEXIP:HEXPORT
                    if (f.length > 3
                            && f[2].endsWith(":" + hexPort)
                            && (f[3].equals(ESTABLISHED) || f[3].equals(CLOSE_WAIT))) {
                        count++;
                    }
                }
            } catch (IOException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(count);
    }
}
