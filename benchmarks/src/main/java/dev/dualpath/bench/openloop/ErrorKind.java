package dev.dualpath.bench.openloop;

/**
 * How a failed call is counted: by a short, stable name, never by its message (which may vary per
 * call).
 */
final class ErrorKind {

    private ErrorKind() {}

    /** {@code HTTP <status>} for an unexpected response, else the exception's simple class name. */
    static String of(Throwable error) {
        if (error instanceof UnexpectedResponse unexpected) {
            return "HTTP " + unexpected.status();
        }
        return error.getClass().getSimpleName();
    }

    /** A call returned, but not the expected success. */
    static final class UnexpectedResponse extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        UnexpectedResponse(int status) {
            super("unexpected HTTP status " + status, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
