package dev.connectchat.participant.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for {@code ClientToken}. They need to be unique, not secret, so they are drawn from
 * {@link ThreadLocalRandom}: {@link UUID#randomUUID()} takes a lock on a shared {@code SecureRandom}, which
 * shows at hundreds of concurrent calls.
 */
final class IdempotencyTokens {
    private IdempotencyTokens() {
    }

    /** @return a random version-4 UUID, drawn without locks or entropy reads (the emulator's ids too) */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
