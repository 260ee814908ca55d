package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

/**
 * Input of CancelParticipantAuthentication: cancels an authentication session.
 * <p>The token travels in the {@code X-Amz-Bearer} header, never in the body, and {@code toString} redacts it.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param sessionId The authentication session id (36 characters).
 * @param connectionToken The connection token, sent in the {@code X-Amz-Bearer} header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CancelParticipantAuthenticationRequest(
    @JsonProperty("SessionId") String sessionId,
    @JsonIgnore String connectionToken) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Prints every member but the secrets: tokens are redacted, URLs lose their query. */
    @Override
    public String toString() {
        return "CancelParticipantAuthenticationRequest[" + "sessionId=" + sessionId + ", "
                + "connectionToken=" + Redaction.secret(connectionToken) + "]";
    }

    /** Builds a {@link CancelParticipantAuthenticationRequest}; setters are named after the members. */
    public static final class Builder {
        private String sessionId;
        private String connectionToken;

        private Builder() {
        }

        private Builder(CancelParticipantAuthenticationRequest from) {
            this.sessionId = from.sessionId;
            this.connectionToken = from.connectionToken;
        }

        /**
         * @param sessionId The authentication session id (36 characters).
         * @return this builder
         */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /**
         * @param connectionToken The connection token, sent in the {@code X-Amz-Bearer} header.
         * @return this builder
         */
        public Builder connectionToken(String connectionToken) {
            this.connectionToken = connectionToken;
            return this;
        }

        /** @return a new {@link CancelParticipantAuthenticationRequest} with the values set so far */
        public CancelParticipantAuthenticationRequest build() {
            return new CancelParticipantAuthenticationRequest(sessionId, connectionToken);
        }
    }
}
