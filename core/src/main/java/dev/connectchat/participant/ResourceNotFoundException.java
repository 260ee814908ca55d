package dev.connectchat.participant;

/** The resource (e.g. the view of DescribeView) does not exist. Modeled with HTTP status 404. */
public final class ResourceNotFoundException extends ParticipantServiceException {
    private final String resourceId;
    private final String resourceType;

    /**
     * @param statusCode the HTTP status code
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param rawBody the body of the answer, or {@code null}
     * @param resourceId the id of the missing resource, or {@code null}
     * @param resourceType the type of the missing resource, or {@code null}
     */
    public ResourceNotFoundException(int statusCode, String errorMessage, String requestId, String rawBody,
                                     String resourceId, String resourceType) {
        super(statusCode, "ResourceNotFoundException", errorMessage, requestId, rawBody);
        this.resourceId = resourceId;
        this.resourceType = resourceType;
    }

    /** @return the id of the missing resource, or {@code null} */
    public String resourceId() {
        return resourceId;
    }

    /** @return the type of the missing resource (e.g. {@code CONTACT}), or {@code null} */
    public String resourceType() {
        return resourceType;
    }
}
