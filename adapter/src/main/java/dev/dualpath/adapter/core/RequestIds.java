package dev.dualpath.adapter.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one generator of client request ids, sent as {@code X-Request-Id} and carried by every
 * response and exception. Every path that needs an id before a call (the core call and the compat
 * layer alike) takes it from here, so they cannot drift apart in format or cost.
 */
public final class RequestIds {

    private RequestIds() {}

    /**
     * A random version-4 UUID string, e.g. {@code 3f1c…-4…-8…}. A correlation id must be unique,
     * not unpredictable, so it comes from {@link ThreadLocalRandom} (122 random bits) rather than
     * {@link UUID#randomUUID()}, whose {@code SecureRandom} is slow and takes a lock on every call.
     *
     * @return a new id; never null, 36 characters
     */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Version 4 in the high half, the IETF variant in the low half.
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
