package dev.connectchat.participant.model;

/**
 * Output of DisconnectParticipant (empty).
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 */
public record DisconnectParticipantResponse() {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link DisconnectParticipantResponse}; setters are named after the members. */
    public static final class Builder {
        private Builder() {
        }

        private Builder(DisconnectParticipantResponse from) {
        }

        /** @return a new {@link DisconnectParticipantResponse} with the values set so far */
        public DisconnectParticipantResponse build() {
            return new DisconnectParticipantResponse();
        }
    }
}
