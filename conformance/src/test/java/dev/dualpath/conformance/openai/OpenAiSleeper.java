package dev.dualpath.conformance.openai;

import dev.dualpath.testkit.RecordingSleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * openai-java's retry {@code Sleeper} routed through the runner's recording sleeper, so its waits
 * are seen too.
 */
final class OpenAiSleeper implements com.openai.core.Sleeper {

    private final RecordingSleeper recording;

    OpenAiSleeper(RecordingSleeper recording) {
        this.recording = recording;
    }

    @Override
    public void sleep(Duration duration) {
        try {
            recording.sleep(duration);
        } catch (InterruptedException e) {
            // The client's own sleeper (Kotlin, Thread.sleep) lets an InterruptedException
            // out undeclared, and so does this one.
            throw OpenAiSleeper.<RuntimeException>sneaky(e);
        }
    }

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
        return recording.delay(duration, Runnable::run);
    }

    @Override
    public void close() {
        // nothing to release: the recording sleeper owns no thread
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
