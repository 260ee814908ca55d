package dev.connectchat.participant.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token bucket shared by all calls of one client, as in the AWS SDK's standard mode: each retry takes
 * {@code cost} tokens, a retry that finds too few is not made, and each success puts tokens back. When most
 * calls fail, the bucket empties and calls fail after their first attempt instead of piling retries onto a
 * service that is already failing.
 */
final class RetryBudget {
    private final int capacity;
    private final AtomicInteger available;

    RetryBudget(int capacity) {
        this.capacity = capacity;
        this.available = new AtomicInteger(capacity);
    }

    /** @return whether {@code cost} tokens were taken; always true for a budget of capacity 0 (turned off) */
    boolean tryAcquire(int cost) {
        if (capacity == 0) {
            return true;
        }
        while (true) {
            int now = available.get();
            if (now < cost) {
                return false;
            }
            if (available.compareAndSet(now, now - cost)) {
                return true;
            }
        }
    }

    /** Puts {@code tokens} back, up to the capacity. */
    void release(int tokens) {
        if (capacity == 0 || tokens <= 0) {
            return;
        }
        available.getAndUpdate(now -> Math.min(capacity, now + tokens));
    }

    int available() {
        return available.get();
    }
}
