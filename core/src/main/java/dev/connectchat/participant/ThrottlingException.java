package dev.connectchat.participant;

/** The request was throttled: retried by the default retry policy. Modeled with HTTP status 429. */
public final class ThrottlingException extends ParticipantServiceException {
    /**
     * @param statusCode the HTTP status code
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param rawBody the body of the answer, or {@code null}
     */
    public ThrottlingException(int statusCode, String errorMessage, String requestId, String rawBody) {
        super(statusCode, "ThrottlingException", errorMessage, requestId, rawBody);
    }
}
