package dev.dualpath.conformance.scenario;

/**
 * A scenario file is invalid. The message names the file and, when known, the field: {@code
 * scenarios/errors/401-top-level.json: field 'server.attempts[0].status' must be 100..599, was 7}.
 */
public final class ScenarioFormatException extends RuntimeException {

    private final String file;
    private final String field;

    /**
     * @param file the resource path, e.g. {@code scenarios/errors/401-top-level.json}
     * @param field the field path, e.g. {@code server.attempts[0].status}, or null for the whole
     *     file
     * @param problem what is wrong
     * @param cause the underlying failure, or null
     */
    public ScenarioFormatException(String file, String field, String problem, Throwable cause) {
        super(file + ": " + (field == null ? "" : "field '" + field + "' ") + problem, cause);
        this.file = file;
        this.field = field;
    }

    /** The resource path of the invalid file. */
    public String file() {
        return file;
    }

    /** The path of the invalid field, or null when the problem is the whole file. */
    public String field() {
        return field;
    }
}
