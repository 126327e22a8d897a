package dev.dualpath.conformance.fake;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 request as read off a socket by {@link RawSocketServer}: just enough parsing to know
 * where a request ends (Content-Length or chunked) and to route it.
 */
// A request as the raw server read it, consumed once and never compared.
@SuppressWarnings("ArrayRecordComponent")
record RawRequest(String method, String path, Map<String, String> headers, byte[] body) {

    private static final int MAX_LINE_BYTES = 16 * 1024;

    /**
     * Reads one request; answers {@code Expect: 100-continue} on {@code out} before the body.
     *
     * @return the request, or null if the client closed the connection before sending one
     * @throws IOException on a read failure or a request cut short
     */
    static RawRequest read(InputStream in, OutputStream out) throws IOException {
        String requestLine = readLine(in, true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length < 2) {
            throw new IOException("bad request line: " + requestLine);
        }
        Map<String, String> headers = new TreeMap<>();
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked(in);
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("request body cut short");
            }
        } else {
            body = new byte[0];
        }
        String path = parts[1];
        int query = path.indexOf('?');
        return new RawRequest(parts[0], query < 0 ? path : path.substring(0, query), headers, body);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            int semicolon = sizeLine.indexOf(';');
            int size =
                    Integer.parseInt(
                            (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(),
                            16);
            if (size == 0) {
                while (!readLine(in, false).isEmpty()) {
                    // trailers: ignored
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("request chunk cut short");
            }
            body.write(chunk);
            readLine(in, false);
        }
    }

    /**
     * A CRLF- (or LF-) terminated line; null on EOF before any byte only when {@code eofAllowed}.
     */
    private static String readLine(InputStream in, boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b == -1) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed mid-request");
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException(
                        "request line or header longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }
}
