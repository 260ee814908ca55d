package dev.connectchat.participant;

/** The service rejected the request as invalid. Modeled with HTTP status 400. */
public final class ValidationException extends ParticipantServiceException {
    /**
     * @param statusCode the HTTP status code
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param rawBody the body of the answer, or {@code null}
     */
    public ValidationException(int statusCode, String errorMessage, String requestId, String rawBody) {
        super(statusCode, "ValidationException", errorMessage, requestId, rawBody);
    }
}
