package dev.dualpath.conformance.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StubServer} in a child JVM: started, awaited until it listens, and stopped by {@link
 * #close()} (or, should this JVM die first, by the end of its standard input).
 *
 * <pre>{@code
 * try (StubProcess stub = StubProcess.start(StubProcess.Launch.ofThisJvm(
 *         List.of("taskset", "-c", "0"), FakeProvider.Options.benchmark(), log))) {
 *     try (RemoteFakeProvider remote = RemoteFakeProvider.connect(stub.baseUrl())) { ... }
 * }
 * }</pre>
 */
public final class StubProcess implements AutoCloseable {

    /** How long a stub may take to listen: a JVM and WireMock start in about a second. */
    static final Duration START_BOUND = Duration.ofSeconds(60);

    /** How long {@link #close()} waits for the stub to end before killing it. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(20);

    private final Process process;
    private final OutputStream stdin;
    private final URI baseUrl;

    private StubProcess(Process process, URI baseUrl) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.baseUrl = baseUrl;
    }

    /**
     * How to start the stub.
     *
     * @param prefix words before the java binary, e.g. {@code [taskset, -c, 0]} to pin it; may be
     *     empty
     * @param java the java binary
     * @param jvmArgs JVM options for the stub, e.g. a heap size; may be empty
     * @param classpath a classpath holding {@link StubServer} and WireMock
     * @param options the server's settings
     * @param log where the stub's output is appended; null discards it
     */
    public record Launch(
            List<String> prefix,
            String java,
            List<String> jvmArgs,
            String classpath,
            FakeProvider.Options options,
            Path log) {

        /**
         * @throws NullPointerException if any but {@code log} is null
         */
        public Launch {
            prefix = List.copyOf(prefix);
            Objects.requireNonNull(java, "java");
            jvmArgs = List.copyOf(jvmArgs);
            Objects.requireNonNull(classpath, "classpath");
            Objects.requireNonNull(options, "options");
        }

        /** A launch with this JVM's binary and classpath. */
        public static Launch ofThisJvm(
                List<String> prefix, FakeProvider.Options options, Path log) {
            String java =
                    ProcessHandle.current()
                            .info()
                            .command()
                            .orElse(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString());
            return new Launch(
                    prefix, java, List.of(), System.getProperty("java.class.path"), options, log);
        }

        /** The full command for a stub that writes its URL to {@code readyFile}. */
        List<String> command(Path readyFile) {
            List<String> command = new ArrayList<>(prefix);
            command.add(java);
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(classpath);
            command.add(StubServer.class.getName());
            command.addAll(StubServer.Arguments.of(readyFile, options));
            return command;
        }
    }

    /**
     * Starts the stub and waits until it listens.
     *
     * @throws IllegalStateException naming the command and the log, if the stub exits or does not
     *     listen within {@link #START_BOUND}
     * @throws UncheckedIOException if the process cannot be started
     */
    public static StubProcess start(Launch launch) {
        Path ready;
        try {
            ready = Files.createTempFile("dualpath-stub-", ".url");
            Files.delete(ready);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the stub's ready file", e);
        }
        List<String> command = launch.command(ready);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(
                launch.log() == null
                        ? ProcessBuilder.Redirect.DISCARD
                        : ProcessBuilder.Redirect.appendTo(launch.log().toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the stub: " + String.join(" ", command), e);
        }
        try {
            return new StubProcess(process, awaitReady(process, ready, command, launch.log()));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            deleteQuietly(ready);
        }
    }

    private static URI awaitReady(Process process, Path ready, List<String> command, Path log) {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        String where = log == null ? "" : " (see " + log + ")";
        try {
            while (System.nanoTime() < deadline) {
                if (Files.isRegularFile(ready)) {
                    return URI.create(Files.readString(ready, StandardCharsets.UTF_8).strip());
                }
                if (process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(
                            "the stub exited with "
                                    + process.exitValue()
                                    + " before listening"
                                    + where
                                    + ": "
                                    + String.join(" ", command));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stub's ready file " + ready, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the stub started", e);
        }
        throw new IllegalStateException(
                "the stub did not listen within "
                        + START_BOUND.toSeconds()
                        + " s"
                        + where
                        + ": "
                        + String.join(" ", command));
    }

    /** Where clients send requests, e.g. {@code http://127.0.0.1:PORT}; no trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The stub's process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the stub is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Ends the stub: closes its standard input, waits up to 10 s for it to exit, then kills it.
     * Idempotent; keeps an interrupt for the caller.
     */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // The pipe is already gone: the stub is ending or has ended.
        }
        boolean interrupted = false;
        try {
            if (!process.waitFor(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            process.destroyForcibly();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temp file left behind is harmless.
        }
    }
}
