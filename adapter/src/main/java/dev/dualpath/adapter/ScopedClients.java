package dev.dualpath.adapter;

import java.util.concurrent.Executor;

/**
 * An adapter that can open a short-lived async client of its own: a fresh transport used only by
 * the calls made through that client and released by its {@link ChatAdapter#close()}, with its
 * continuations on an executor the caller owns. That is what a Python async client bound to one
 * event loop is: it is usable only inside that loop, so a caller that creates a loop per call must
 * create (and close) a client per call too.
 */
public interface ScopedClients {

    /**
     * Opens a client for one caller's executor.
     *
     * @param continuations where the client's continuations (response processing, retries) run,
     *     e.g. a per-call loop; the client never shuts it down
     * @return a client the caller must close; closing it closes its transport, never this adapter
     * @throws UnsupportedOperationException if this adapter was given a transport instance rather
     *     than a way to build transports, so it has none to open
     * @throws IllegalStateException if this adapter is closed
     * @throws NullPointerException if continuations is null
     */
    ChatAdapter openScoped(Executor continuations);
}
