package dev.connectchat.participant.websocket.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delays between reconnect attempts of one session: none before the first attempt after a socket that
 * lived long, then the first backoff doubling per failure up to the longest, each with jitter (between half
 * and all of it). A socket that lived less than the longest backoff counts as a failure too, so that a
 * gateway that accepts sockets and drops them at once is not hammered. Not thread-safe: the engine calls it
 * under its lock.
 */
final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private int failures;

    Backoff(Duration min, Duration max) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** @return the delay before the next attempt, in milliseconds; counts the attempt as a failure until told */
    long nextDelayMillis() {
        int n = failures++;
        if (n == 0) {
            return 0;
        }
        long base = n > 30 ? maxMillis : Math.min(maxMillis, minMillis << (n - 1));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    /**
     * A socket that the last attempt opened has ended.
     *
     * @param livedMillis how long it was open and subscribed
     */
    void socketEnded(long livedMillis) {
        if (livedMillis >= maxMillis) {
            failures = 0;
        }
    }

    /** @return attempts counted as failures since the last socket that lived long */
    int failures() {
        return failures;
    }
}
