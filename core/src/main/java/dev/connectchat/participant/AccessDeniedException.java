package dev.connectchat.participant;

/** You do not have access: the token is wrong, expired, or the chat has ended. Modeled with HTTP status 403. */
public final class AccessDeniedException extends ParticipantServiceException {
    /**
     * @param statusCode the HTTP status code
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param rawBody the body of the answer, or {@code null}
     */
    public AccessDeniedException(int statusCode, String errorMessage, String requestId, String rawBody) {
        super(statusCode, "AccessDeniedException", errorMessage, requestId, rawBody);
    }
}
