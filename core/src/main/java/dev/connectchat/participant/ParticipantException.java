package dev.connectchat.participant;

/**
 * Base of the failures of a call that was sent (or tried to be): {@link ParticipantServiceException} when the
 * service answered with an error, {@link ParticipantTransportException} when no answer came. A request that
 * breaks a documented constraint fails earlier, with {@link InvalidRequestException}, and is never sent.
 */
public abstract class ParticipantException extends RuntimeException {
    ParticipantException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return whether the retry policy may send the call again */
    public abstract boolean isRetryable();

    /** @return whether the failure says the caller is sending too fast */
    public boolean isThrottling() {
        return false;
    }
}
