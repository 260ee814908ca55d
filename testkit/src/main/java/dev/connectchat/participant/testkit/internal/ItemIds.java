package dev.connectchat.participant.testkit.internal;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids and tokens: UUIDv7 item ids (time-ordered, like the service's recent ones), UUIDv4 ids and opaque
 * random tokens. Drawn from {@link ThreadLocalRandom}: they run on event loops, where {@code SecureRandom}
 * may block reading the system's entropy, and an emulator's tokens need to be unique, not secret.
 */
final class ItemIds {
    private ItemIds() {
    }

    static String uuid7(long epochMillis) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | 0x7000L | (r.nextLong() & 0x0fffL);
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    static String uuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xf000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** @return a random URL-safe token of about {@code bytes * 4 / 3} characters */
    static String token(String prefix, int bytes) {
        byte[] raw = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(raw);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
