package dev.dualpath.bench.verdict;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Bad input to the verdict tools: a missing file, malformed JSON, a field of the wrong shape, or a
 * claim that names a benchmark the run does not contain. The CLI maps it to exit code 2 and prints
 * {@link #getMessage()}, which always names the file and the field so the user can fix the input
 * without reading a stack trace.
 */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;

    /**
     * @param file the input file at fault (may be a folder when a file is missing from it)
     * @param field the JSON path of the offending field, e.g. {@code claims[2].java.expression};
     *     use {@code "(file)"} when the whole file is at fault (missing, unreadable, not JSON)
     * @param message what is wrong and, where useful, what was expected
     */
    public InputException(Path file, String field, String message) {
        this(file, field, message, null);
    }

    /** As {@link #InputException(Path, String, String)}, keeping the underlying cause. */
    public InputException(Path file, String field, String message, Throwable cause) {
        super(file + ": " + Objects.requireNonNull(field, "field") + ": " + message, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.field = field;
    }

    /** The file (or folder) at fault. */
    public Path file() {
        return file;
    }

    /** The JSON path of the offending field, or {@code "(file)"}. */
    public String field() {
        return field;
    }
}
