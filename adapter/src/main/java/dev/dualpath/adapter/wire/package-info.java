/**
 * The values the helpers and the transports exchange: {@code WireRequest} (method, URI, headers,
 * body), {@code WireResponse} (status, lower-cased headers, body) and {@code TransportFailure}
 * (what went wrong before a response, by kind: connect, headers or body timeout, connection
 * failure, cancelled).
 *
 * <p>Data only: may not depend on {@code core}, {@code transport}, {@code java.net.http} or Apache
 * HttpClient (ArchitectureTest), so the pure helpers can use it without touching I/O.
 */
package dev.dualpath.adapter.wire;
