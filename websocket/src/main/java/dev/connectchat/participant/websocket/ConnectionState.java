package dev.connectchat.participant.websocket;

/**
 * The state of a {@link ChatSession}'s connection, with the failure that caused it when there was one.
 *
 * @param status the state
 * @param cause why the session is reconnecting or closed; {@code null} otherwise, and for a clean close
 */
public record ConnectionState(Status status, Throwable cause) {
    /** The states, in the order a session goes through them. */
    public enum Status {
        /** Opening the first socket. */
        CONNECTING,
        /** A socket is open and subscribed; items flow. */
        CONNECTED,
        /** The socket was lost; a new one is being opened, with backoff. */
        RECONNECTING,
        /** The session is over: closed, disconnected, the chat ended, or it gave up reconnecting. */
        CLOSED
    }

    /** @return the state without a cause */
    public static ConnectionState of(Status status) {
        return new ConnectionState(status, null);
    }

    @Override
    public String toString() {
        return cause == null ? status.toString() : status + " (" + cause + ")";
    }
}
