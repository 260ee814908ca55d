package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

import java.time.Instant;

/**
 * A connection token and its expiry.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param connectionToken The connection token (never printed by {@code toString}).
 * @param expiry When the token expires.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionCredentials(
    @JsonProperty("ConnectionToken") String connectionToken,
    @JsonProperty("Expiry") Instant expiry) {

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
        return "ConnectionCredentials[" + "connectionToken=" + Redaction.secret(connectionToken) + ", "
                + "expiry=" + expiry + "]";
    }

    /** Builds a {@link ConnectionCredentials}; setters are named after the members. */
    public static final class Builder {
        private String connectionToken;
        private Instant expiry;

        private Builder() {
        }

        private Builder(ConnectionCredentials from) {
            this.connectionToken = from.connectionToken;
            this.expiry = from.expiry;
        }

        /**
         * @param connectionToken The connection token (never printed by {@code toString}).
         * @return this builder
         */
        public Builder connectionToken(String connectionToken) {
            this.connectionToken = connectionToken;
            return this;
        }

        /**
         * @param expiry When the token expires.
         * @return this builder
         */
        public Builder expiry(Instant expiry) {
            this.expiry = expiry;
            return this;
        }

        /** @return a new {@link ConnectionCredentials} with the values set so far */
        public ConnectionCredentials build() {
            return new ConnectionCredentials(connectionToken, expiry);
        }
    }
}
