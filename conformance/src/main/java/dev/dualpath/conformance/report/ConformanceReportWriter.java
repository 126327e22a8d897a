package dev.dualpath.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dualpath.conformance.result.ConformanceResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes a {@link ConformanceResult} as {@code conformance.json} (machine-readable: scenario × path
 * → verdict, normalised outcomes, mismatches, totals) and {@code conformance.md} (a table a person
 * reads at a glance, then the details).
 */
public final class ConformanceReportWriter {

    /** The JSON report's file name. */
    public static final String JSON = "conformance.json";

    /** The Markdown report's file name. */
    public static final String MARKDOWN = "conformance.md";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConformanceReportWriter() {}

    /**
     * Writes both files into {@code directory}, creating it if needed and replacing older reports.
     *
     * @return the directory
     * @throws UncheckedIOException if a file cannot be written
     */
    public static Path write(ConformanceResult result, Path directory) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(directory, "directory");
        String now = Instant.now().toString();
        try {
            Files.createDirectories(directory);
            MAPPER.writeValue(
                    directory.resolve(JSON).toFile(), ConformanceJsonReport.of(result, now));
            Files.writeString(
                    directory.resolve(MARKDOWN),
                    ConformanceMarkdownReport.of(result, now),
                    StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the conformance report to " + directory, e);
        }
    }
}
