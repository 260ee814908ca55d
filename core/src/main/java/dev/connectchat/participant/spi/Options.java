package dev.connectchat.participant.spi;

import dev.connectchat.participant.internal.Durations;

import java.time.Duration;

/** The checks the client's builders make on their options, for the builders of modules built on it. */
public final class Options {
    private Options() {
    }

    /**
     * @param name the option, named in the message
     * @param duration its value
     * @return {@code duration}
     * @throws IllegalArgumentException when it is zero or negative
     * @throws NullPointerException when it is {@code null}
     */
    public static Duration positive(String name, Duration duration) {
        return Durations.positive(name, duration);
    }
}
