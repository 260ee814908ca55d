package dev.connectchat.participant.internal;

import java.time.Duration;
import java.util.Objects;

/** The check every duration option of the library's builders makes. */
public final class Durations {
    private Durations() {
    }

    /**
     * @param name the option, for the message
     * @param duration its value
     * @return {@code duration}
     * @throws IllegalArgumentException when it is zero or negative
     */
    public static Duration positive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
