package dev.connectchat.participant;

/** A quota was exceeded, e.g. too many or too large attachments. Modeled with HTTP status 402. */
public final class ServiceQuotaExceededException extends ParticipantServiceException {
    /**
     * @param statusCode the HTTP status code
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param rawBody the body of the answer, or {@code null}
     */
    public ServiceQuotaExceededException(int statusCode, String errorMessage, String requestId, String rawBody) {
        super(statusCode, "ServiceQuotaExceededException", errorMessage, requestId, rawBody);
    }
}
