package dev.dualpath.conformance.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The fake provider in a JVM of its own: starts a {@link FakeProvider} on 127.0.0.1 (dynamic port),
 * writes its base URL to a file, and serves until its standard input ends. A client drives it over
 * WireMock's admin API ({@link RemoteFakeProvider}); {@link StubProcess} starts and stops it.
 *
 * <pre>
 * java -cp benchmarks.jar dev.dualpath.conformance.fake.StubServer --ready-file /tmp/stub.url \
 *     [--container-threads 200] [--async-response-threads 128] [--journal]
 * </pre>
 *
 * <p>Why standard input: the launcher holds the other end of the pipe, so the stub ends with its
 * launcher however that ends, even killed, and never outlives a run. Exit codes: 0 after standard
 * input ended; 2 on bad arguments or when the server or the ready file failed.
 */
public final class StubServer {

    private StubServer() {}

    /**
     * Starts the stub, writes the ready file, and serves until standard input ends.
     *
     * @param args see the class comment; unspecified settings are {@link
     *     FakeProvider.Options#benchmark()}'s
     */
    public static void main(String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Arguments parsed;
        try {
            parsed = Arguments.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            err.println("usage error: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (FakeProvider fake = FakeProvider.start(parsed.options())) {
            writeAtomically(parsed.readyFile(), fake.wireMockBaseUrl().toString());
            System.in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            err.println("stub failed: " + e);
            System.exit(2);
        }
        // WireMock's Jetty threads are not all daemons: end the JVM explicitly.
        System.exit(0);
    }

    /** Written whole or not at all, so that a reader polling for the file never sees half a URL. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The parsed command line.
     *
     * @param readyFile where the base URL is written once the server listens
     * @param options the server's settings
     */
    record Arguments(Path readyFile, FakeProvider.Options options) {

        static final String READY_FILE = "--ready-file";
        static final String CONTAINER_THREADS = "--container-threads";
        static final String ASYNC_RESPONSE_THREADS = "--async-response-threads";
        static final String JOURNAL = "--journal";

        /** The command-line arguments that give {@code options} and {@code readyFile}. */
        static List<String> of(Path readyFile, FakeProvider.Options options) {
            List<String> args =
                    new java.util.ArrayList<>(
                            List.of(
                                    READY_FILE,
                                    readyFile.toString(),
                                    CONTAINER_THREADS,
                                    Integer.toString(options.containerThreads()),
                                    ASYNC_RESPONSE_THREADS,
                                    Integer.toString(options.asyncResponseThreads())));
            if (options.requestJournal()) {
                args.add(JOURNAL);
            }
            return List.copyOf(args);
        }

        /**
         * @throws IllegalArgumentException naming the argument that is unknown, lacks its value, or
         *     is out of range; or when {@code --ready-file} is missing
         */
        static Arguments parse(List<String> args) {
            FakeProvider.Options defaults = FakeProvider.Options.benchmark();
            Path ready = null;
            int container = defaults.containerThreads();
            int async = defaults.asyncResponseThreads();
            boolean journal = defaults.requestJournal();
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                switch (name) {
                    case READY_FILE -> ready = Path.of(value(args, ++i, name));
                    case CONTAINER_THREADS -> container = integer(args, ++i, name);
                    case ASYNC_RESPONSE_THREADS -> async = integer(args, ++i, name);
                    case JOURNAL -> journal = true;
                    default ->
                            throw new IllegalArgumentException("unknown argument '" + name + "'");
                }
            }
            if (ready == null) {
                throw new IllegalArgumentException(READY_FILE + " is required");
            }
            return new Arguments(ready, new FakeProvider.Options(journal, container, async));
        }

        private static String value(List<String> args, int i, String name) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(i);
        }

        private static int integer(List<String> args, int i, String name) {
            String v = value(args, i, name);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        name + " must be an integer, was '" + v + "'", e);
            }
        }
    }
}
