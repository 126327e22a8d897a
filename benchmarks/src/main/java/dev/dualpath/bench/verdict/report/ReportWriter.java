package dev.dualpath.bench.verdict.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes one report format into a folder. */
@FunctionalInterface
public interface ReportWriter {

    /**
     * Writes {@code report} in this writer's format into {@code outDir}.
     *
     * @param report what to write
     * @param outDir the folder to write into (created if absent)
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    List<Path> write(VerdictReport report, Path outDir) throws IOException;

    /**
     * Writes one UTF-8 text file into {@code outDir} (created if absent): what every text format
     * does.
     *
     * @return the one file written
     * @throws IOException if it cannot be written
     */
    static List<Path> writeText(Path outDir, String fileName, String text) throws IOException {
        java.nio.file.Files.createDirectories(outDir);
        Path file = outDir.resolve(fileName);
        java.nio.file.Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        return List.of(file);
    }
}
