package dev.connectchat.participant;

/**
 * No answer came from the service: the connection was refused or could not be made in time, the response
 * did not come in time, or the connection was closed or reset before the response was complete. Always
 * retryable: calls that create something carry an idempotency token, so a retry cannot do it twice.
 */
public final class ParticipantTransportException extends ParticipantException {
    /** What went wrong on the way. */
    public enum Kind {
        /** The connection could not be made (refused, unreachable, TLS handshake failed, connect timeout). */
        CONNECT,
        /** The connection was made, but the answer did not come within the response timeout or the attempt's deadline. */
        TIMEOUT,
        /** The connection was closed or reset before the response was complete. */
        CLOSED,
        /** The answer broke HTTP or the client's limits on it (a header line too long, a malformed head). */
        PROTOCOL,
        /** Any other I/O failure. */
        IO
    }

    private final Kind kind;

    /**
     * @param operation the operation that failed
     * @param kind what went wrong
     * @param cause the underlying failure
     */
    public ParticipantTransportException(String operation, Kind kind, Throwable cause) {
        super(operation + " failed: " + describe(kind) + " (" + cause.getClass().getSimpleName() + ")", cause);
        this.kind = kind;
    }

    private static String describe(Kind kind) {
        switch (kind) {
            case CONNECT:
                return "could not connect to the service";
            case TIMEOUT:
                return "no complete response within the response timeout or the attempt's deadline";
            case CLOSED:
                return "connection closed before the response was complete";
            case PROTOCOL:
                return "the answer was not well-formed HTTP within the client's limits";
            default:
                return "I/O failure";
        }
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
