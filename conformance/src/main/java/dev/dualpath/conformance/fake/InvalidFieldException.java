package dev.dualpath.conformance.fake;

/**
 * A value record was given a bad field. It names the field relative to the record, so a loader that
 * knows where the record sits in a file can report the full path (see {@link #under(String)}).
 */
public final class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    /**
     * @param field the field's name or path relative to the record, e.g. {@code status} or {@code
     *     dribble.chunks}
     * @param problem what is wrong, phrased to follow the field name, e.g. {@code "must be
     *     100..599, was 7"}
     */
    public InvalidFieldException(String field, String problem) {
        super("field '" + field + "' " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field's path relative to the record that threw. */
    public String field() {
        return field;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }

    /** The same problem located under {@code parentPath} (e.g. {@code server.attempts[0]}). */
    public InvalidFieldException under(String parentPath) {
        InvalidFieldException located =
                new InvalidFieldException(parentPath + "." + field, problem);
        located.initCause(this);
        return located;
    }
}
