package dev.connectchat.participant.model;

/**
 * Output of CancelParticipantAuthentication (empty).
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 */
public record CancelParticipantAuthenticationResponse() {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link CancelParticipantAuthenticationResponse}; setters are named after the members. */
    public static final class Builder {
        private Builder() {
        }

        private Builder(CancelParticipantAuthenticationResponse from) {
        }

        /** @return a new {@link CancelParticipantAuthenticationResponse} with the values set so far */
        public CancelParticipantAuthenticationResponse build() {
            return new CancelParticipantAuthenticationResponse();
        }
    }
}
