package dev.connectchat.participant.websocket.internal;

/**
 * What sessions report. {@link #NONE} unless a Micrometer registry is configured; only
 * {@link MicrometerSessionMetrics} touches Micrometer, which stays an optional dependency.
 */
public interface SessionMetrics {
    /** Reports nothing. */
    SessionMetrics NONE = new SessionMetrics() {
    };

    /** A session opened. */
    default void opened() {
    }

    /** A session closed. */
    default void closed() {
    }

    /** A session lost its socket and reconnects. */
    default void reconnect() {
    }

    /** @param kind the kind of an item a session received, e.g. {@code Message} */
    default void item(String kind) {
    }

    /** An item a session had missed and recovered from the transcript. */
    default void recovered() {
    }
}
