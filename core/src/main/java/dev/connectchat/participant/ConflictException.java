package dev.connectchat.participant;

/** The request conflicts with the state of the resource, e.g. an attachment completed twice. Modeled with HTTP status 409. */
public final class ConflictException extends ParticipantServiceException {
    /**
     * @param statusCode the HTTP status code
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param rawBody the body of the answer, or {@code null}
     */
    public ConflictException(int statusCode, String errorMessage, String requestId, String rawBody) {
        super(statusCode, "ConflictException", errorMessage, requestId, rawBody);
    }
}
