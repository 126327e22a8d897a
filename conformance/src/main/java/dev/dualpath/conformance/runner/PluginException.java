package dev.dualpath.conformance.runner;

import java.util.function.Supplier;

/**
 * The plug-in itself failed, not the client under test: it threw while turning the client's outcome
 * into dualpath's terms (e.g. a client accessor that throws on data it did not expect). The runner
 * reports it as the plug-in's own exception, with its cause, never as whatever the client did, and
 * never as a call that ran out of time. A plug-in that completes futures must complete them with
 * one of these when its own code fails, or the call would hang until its bound.
 */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The plug-in failed doing {@code what}.
     *
     * @param what what the plug-in was doing, e.g. {@code mapping openai-java's exception}
     * @param cause what it threw
     */
    public PluginException(String what, Throwable cause) {
        super(what + " failed: " + cause, cause);
    }

    /**
     * Runs {@code step}; any throwable it throws comes back as a {@link PluginException} (an {@link
     * Error} of the VM aside: those are rethrown).
     *
     * @param what what the step does, for the message
     */
    public static <T> T guard(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            throw new PluginException(what, t);
        }
    }
}
