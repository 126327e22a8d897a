/**
 * The shared pure helpers both paths and every strategy use: {@code RequestEncoder} (request to
 * bytes), {@code ResponseProcessor} (2xx body to {@code UnifiedChatResponse} and metrics), {@code
 * ErrorMapper} with {@code ErrorBodyParser} (any failure to one {@code ProviderException}), {@code
 * RetryPolicy} with {@code RetryAfterParser} (which failures retry, and after how long), {@code
 * RequestIds}, {@code Sleeper} and the one Jackson mapper. The wire contract they implement is
 * docs/provider.md.
 *
 * <p>Pure functions of bytes and values, unit-tested without a network or a disk. May depend on the
 * adapter's {@code error}, {@code model}, {@code secret} and {@code wire} packages and on Jackson.
 * May not depend on {@code transport} or {@code compat}, on {@code java.net.http} or Apache
 * HttpClient, or do I/O (no sockets, files, channels): a transport here would make one path's I/O
 * the other's. ArchitectureTest enforces it.
 */
package dev.dualpath.adapter.core;
