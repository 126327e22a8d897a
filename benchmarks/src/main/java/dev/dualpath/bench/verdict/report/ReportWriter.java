package dev.dualpath.bench.verdict.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes one report format into a folder. */
@FunctionalInterface
public interface ReportWriter {

  /**
   * @param report what to write
   * @param outDir the folder to write into (created if absent)
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  List<Path> write(VerdictReport report, Path outDir) throws IOException;
}
