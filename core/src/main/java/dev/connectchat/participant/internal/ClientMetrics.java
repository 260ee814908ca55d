package dev.connectchat.participant.internal;

/**
 * What the client reports about its calls. {@link #NONE} unless a Micrometer registry is configured, so that
 * Micrometer stays an optional dependency: only {@link MicrometerClientMetrics} touches it.
 */
interface ClientMetrics {
    /** The meter-name prefix of everything this library measures. */
    String PREFIX = "connectchat";

    /** Reports nothing. */
    ClientMetrics NONE = new ClientMetrics() {
        @Override
        public void call(String operation, String outcome, long nanos) {
        }

        @Override
        public void retry(String operation) {
        }
    };

    /**
     * @param operation the operation, e.g. {@code SendMessage}
     * @param outcome {@code success}, {@code invalid}, {@code throttled}, {@code client_error},
     *                {@code server_error} or {@code transport_error}
     * @param nanos how long the call took, retries included
     */
    void call(String operation, String outcome, long nanos);

    /** @param operation an operation about to be retried */
    void retry(String operation);

    /** @return the outcome tag of a failure */
    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof dev.connectchat.participant.InvalidRequestException) {
            return "invalid";
        }
        if (failure instanceof dev.connectchat.participant.ParticipantServiceException service) {
            return service.isThrottling() ? "throttled" : service.statusCode() >= 500 ? "server_error" : "client_error";
        }
        return failure instanceof dev.connectchat.participant.ParticipantTransportException ? "transport_error" : "other";
    }
}
