package dev.connectchat.participant;

import java.util.Set;

/**
 * The service answered with an error. Modeled errors have their own subtype ({@link ThrottlingException},
 * {@link AccessDeniedException}, ...); an unknown error code, or a body that is empty or not JSON, gives
 * this base type with the status code.
 *
 * <p>{@link #getMessage()} ends with {@code (Status: 429, Error: ThrottlingException, Request ID: ...)}.
 */
public class ParticipantServiceException extends ParticipantException {
    private static final Set<String> THROTTLING_CODES = Set.of(
            "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
            "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
            "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
            "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException");
    private static final Set<String> TRANSIENT_CODES = Set.of("RequestTimeout", "RequestTimeoutException");

    private final int statusCode;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final String rawBody;

    /** How much of an error body {@link #rawBody()} keeps, in characters. */
    public static final int RAW_BODY_LIMIT = 8192;

    /**
     * @param statusCode the HTTP status code
     * @param errorCode the error code (e.g. {@code ThrottlingException}), or {@code null} when none was sent
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id from {@code x-amzn-RequestId}, or {@code null}
     * @param rawBody the body of the answer, or {@code null}; only its first {@value #RAW_BODY_LIMIT} characters
     *                are kept
     */
    public ParticipantServiceException(int statusCode, String errorCode, String errorMessage, String requestId,
                                       String rawBody) {
        super((errorMessage == null || errorMessage.isEmpty() ? "Service error" : errorMessage)
                + " (Status: " + statusCode + ", Error: " + errorCode + ", Request ID: " + requestId + ")", null);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.rawBody = rawBody == null || rawBody.length() <= RAW_BODY_LIMIT ? rawBody
                : rawBody.substring(0, RAW_BODY_LIMIT) + "...(" + (rawBody.length() - RAW_BODY_LIMIT) + " more characters)";
    }

    /** @return the HTTP status code */
    public int statusCode() {
        return statusCode;
    }

    /** @return the error code, e.g. {@code ThrottlingException}; {@code null} when the answer had none */
    public String errorCode() {
        return errorCode;
    }

    /** @return the service's message alone, or {@code null} */
    public String errorMessage() {
        return errorMessage;
    }

    /** @return the request id the service gave the call, or {@code null} */
    public String requestId() {
        return requestId;
    }

    /** @return the body of the error answer as received (its first {@value #RAW_BODY_LIMIT} characters), or {@code null} */
    public String rawBody() {
        return rawBody;
    }

    /** Throttling (429 or a throttling code) and 5xx are retryable, as in the AWS SDK's standard mode. */
    @Override
    public boolean isRetryable() {
        return isThrottling() || statusCode == 500 || statusCode == 502 || statusCode == 503 || statusCode == 504
                || (errorCode != null && TRANSIENT_CODES.contains(errorCode));
    }

    @Override
    public boolean isThrottling() {
        return statusCode == 429 || (errorCode != null && THROTTLING_CODES.contains(errorCode));
    }
}
