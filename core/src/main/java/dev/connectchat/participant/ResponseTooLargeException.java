package dev.connectchat.participant;

/**
 * The answer's body was larger than the client reads ({@link ParticipantClientBuilder#maxResponseBytes}). The
 * body is not read further and its connection is closed. Not retryable: the same call would get the same
 * answer.
 */
public final class ResponseTooLargeException extends ParticipantException {
    private final int statusCode;
    private final long limit;

    /**
     * @param operation the operation
     * @param statusCode the answer's HTTP status
     * @param limit the largest body the client reads, in bytes
     */
    public ResponseTooLargeException(String operation, int statusCode, long limit) {
        super(operation + " answered (HTTP " + statusCode + ") with a body of more than " + limit
                + " bytes, the client's limit (ParticipantClientBuilder.maxResponseBytes)", null);
        this.statusCode = statusCode;
        this.limit = limit;
    }

    /** @return the answer's HTTP status */
    public int statusCode() {
        return statusCode;
    }

    /** @return the largest body the client reads, in bytes */
    public long limit() {
        return limit;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
