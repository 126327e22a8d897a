/**
 * Reactive-streams plumbing shared by the blocking and the async paths: {@code BlockingHandoff},
 * which lets a blocking reader pull a {@link java.util.concurrent.Flow.Publisher}'s items one at a
 * time. The transports read a pushed response body through it and the sync-over-async strategies
 * read a chunk publisher through it, so both hand-offs are the same code.
 *
 * <p>Depends on nothing else of the adapter.
 */
package dev.dualpath.adapter.flow;
