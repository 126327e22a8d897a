package dev.dualpath.adapter.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;

/**
 * One Jackson non-blocking parser reading one whole JSON document after another: each document is
 * fed at once ({@link #feed}) and read as the parser's next root-level value. Jackson has no way to
 * point a blocking parser at new input, and a parser made per document (its context, symbol table
 * and buffers) costs about 600 bytes; this one is made once and kept while its documents read
 * cleanly.
 *
 * <p>A non-blocking parser answers "no more input" where a blocking one would see the end, so
 * {@link #endedWhole} checks what a blocking parser's end would: the root value closed, with only
 * blanks after it. After a document that did not end whole the parser's state is unknown: the
 * caller closes it and makes a new one.
 *
 * <p>A parser is retired after {@link #MAX_DOCUMENTS} documents ({@link #reusable}): Jackson keeps
 * the field names a parser has seen in its own symbol table until it is closed, and a provider that
 * sends ever new names (in an object the reader skips, say) would grow that table for as long as
 * the parser lived. Closing hands the names to the factory's shared table, which Jackson bounds.
 * The limits Jackson applies to a document apply here too; one counted over all input (a
 * document-length limit, which the project's mapper does not set) would only make the parser fail
 * once, and the caller replace it.
 *
 * <p>Not thread-safe: one reader at a time.
 */
final class DocumentParser implements AutoCloseable {

    private static final byte[] NOTHING = new byte[0];

    /** Documents a parser reads before it is retired: its making is then 0.6 bytes a document. */
    static final int MAX_DOCUMENTS = 1_000;

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;

    /**
     * Bytes fed so far, the current document's included: the parser's locations count from the
     * first byte ever fed, so the current document starts at {@code fed - length}.
     */
    private long fed;

    private int documents;

    /**
     * A parser for the project's JSON settings.
     *
     * @throws IOException if Jackson cannot make one (it does no I/O here)
     */
    DocumentParser() throws IOException {
        parser = Json.MAPPER.getFactory().createNonBlockingByteArrayParser();
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /**
     * Feeds one whole document, {@code data[0, length)}; read it from the returned parser.
     *
     * @throws IOException if the previous document was not read to its end
     */
    JsonParser feed(byte[] data, int length) throws IOException {
        documents++;
        fed += length;
        feeder.feedInput(data, 0, length);
        return parser;
    }

    /**
     * Whether the document just read, {@code data[0, length)} as fed, was one whole root object
     * with nothing but blanks after it, as a blocking parser's {@code FAIL_ON_TRAILING_TOKENS} read
     * would demand. Call it after reading the value; if it returns true the parser is ready for the
     * next document and holds no reference to {@code data}.
     *
     * <p>A nested read that ran out of input ends its loop as if its object had closed, so the root
     * must have closed for real. The blanks are checked on the bytes first: asked for a next token,
     * the parser answers "no more input" for the start of a token too ({@code " tr"}, {@code " 1"},
     * a string left open), which a blocking read rejects as a trailing token and which would spoil
     * the next document. Asking then consumes the blanks.
     *
     * @throws IOException if the parser fails on what follows the value
     */
    boolean endedWhole(byte[] data, int length) throws IOException {
        if (parser.currentToken() != JsonToken.END_OBJECT
                || !parser.getParsingContext().inRoot()
                || !blanksFrom(
                        data, parser.currentLocation().getByteOffset() - (fed - length), length)
                || parser.nextToken() != JsonToken.NOT_AVAILABLE) {
            return false;
        }
        feeder.feedInput(NOTHING, 0, 0); // lets go of data
        return true;
    }

    /**
     * Whether this parser may read another document: false once it has read {@link #MAX_DOCUMENTS};
     * then close it and make a new one.
     */
    boolean reusable() {
        return documents < MAX_DOCUMENTS;
    }

    /** Whether {@code data[from, length)} holds only JSON whitespace (none counts). */
    private static boolean blanksFrom(byte[] data, long from, int length) {
        if (from < 0 || from > length) {
            return false;
        }
        for (int i = (int) from; i < length; i++) {
            byte b = data[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Returns the parser's buffers; this parser is not used again. */
    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Nothing to release beyond pooled buffers; a parser over fed bytes cannot fail to
            // close.
        }
    }
}
