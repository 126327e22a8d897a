/**
 * Batches of chat calls with a concurrency limit, for both paths: {@link
 * dev.dualpath.adapter.batch.Batch#run} (blocking, on at most {@code limit} worker threads over the
 * synchronous call) and {@link dev.dualpath.adapter.batch.Batch#start} (over the asynchronous call,
 * no thread per item). Both deliveries drive one scheduler ({@code BatchRun}): it hands out items
 * in input order, keeps at most {@code limit} in flight, records each item's own outcome, and stops
 * the batch on cancellation or at its deadline. What each item came to is an {@link
 * dev.dualpath.adapter.batch.ItemResult}; the batch as a whole is a {@link
 * dev.dualpath.adapter.batch.BatchResult}.
 *
 * <p>Depends on the model, the errors and the shared helpers only; it sees a call as a function
 * from request to response (or future), so that the adapter's interfaces can offer batches without
 * a package cycle.
 */
package dev.dualpath.adapter.batch;
