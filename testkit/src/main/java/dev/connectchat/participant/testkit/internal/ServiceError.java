package dev.connectchat.participant.testkit.internal;

/** An error answer, as the service gives it: a status, an error type and a message. */
final class ServiceError extends RuntimeException {
    final int status;
    final String type;

    ServiceError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static ServiceError accessDenied(String message) {
        return new ServiceError(403, "AccessDeniedException", message);
    }

    static ServiceError validation(String message) {
        return new ServiceError(400, "ValidationException", message);
    }

    static ServiceError conflict(String message) {
        return new ServiceError(409, "ConflictException", message);
    }

    static ServiceError quota(String message) {
        return new ServiceError(402, "ServiceQuotaExceededException", message);
    }

    static ServiceError notFound(String message) {
        return new ServiceError(404, "ResourceNotFoundException", message);
    }

    static ServiceError throttled() {
        return new ServiceError(429, "ThrottlingException", "Rate exceeded");
    }

    static ServiceError failure(int status) {
        if (status == 409) {
            return conflict("The request conflicts with the state of the chat");
        }
        return status == 503
                ? new ServiceError(503, "ServiceUnavailableException", "Service unavailable")
                : new ServiceError(status, "InternalServerException", "Internal server error");
    }
}
