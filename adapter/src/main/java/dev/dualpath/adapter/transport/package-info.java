/**
 * How bytes reach the provider: the {@code BlockingTransport} and {@code AsyncTransport} interfaces
 * ({@code Transport} is both), implemented over the JDK's {@code java.net.http} client ({@code
 * send} / {@code sendAsync}), Apache HttpClient 5 (classic / async) and an in-memory transport that
 * answers without a network, for isolating the adapter's own overhead. {@code TransportConfig}
 * holds the timeouts and pool size; {@code CallWatchdog} enforces the limits a client cannot
 * enforce on a body. Every transport speaks HTTP/1.1 without compression
 * (docs/calibration.md#http-version, docs/calibration.md#gzip) and reports failures as a {@code
 * TransportFailure}.
 *
 * <p>The only adapter package that does network I/O or knows an HTTP library. May depend on {@code
 * wire} (the values it exchanges with the helpers), not on {@code core} or {@code compat}.
 */
package dev.dualpath.adapter.transport;
