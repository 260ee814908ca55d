package dev.connectchat.participant;

/** The service failed: retried by the default retry policy. Modeled with HTTP status 500. */
public final class InternalServerException extends ParticipantServiceException {
    /**
     * @param statusCode the HTTP status code
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param rawBody the body of the answer, or {@code null}
     */
    public InternalServerException(int statusCode, String errorMessage, String requestId, String rawBody) {
        super(statusCode, "InternalServerException", errorMessage, requestId, rawBody);
    }
}
