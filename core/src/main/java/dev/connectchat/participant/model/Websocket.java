package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

import java.time.Instant;

/**
 * A WebSocket URL and its expiry.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param url The pre-signed WebSocket URL (its query is never printed by {@code toString}).
 * @param connectionExpiry The time by which the URL must be opened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Websocket(
    @JsonProperty("Url") String url,
    @JsonProperty("ConnectionExpiry") Instant connectionExpiry) {

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
        return "Websocket[" + "url=" + Redaction.url(url) + ", "
                + "connectionExpiry=" + connectionExpiry + "]";
    }

    /** Builds a {@link Websocket}; setters are named after the members. */
    public static final class Builder {
        private String url;
        private Instant connectionExpiry;

        private Builder() {
        }

        private Builder(Websocket from) {
            this.url = from.url;
            this.connectionExpiry = from.connectionExpiry;
        }

        /**
         * @param url The pre-signed WebSocket URL (its query is never printed by {@code toString}).
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * @param connectionExpiry The time by which the URL must be opened.
         * @return this builder
         */
        public Builder connectionExpiry(Instant connectionExpiry) {
            this.connectionExpiry = connectionExpiry;
            return this;
        }

        /** @return a new {@link Websocket} with the values set so far */
        public Websocket build() {
            return new Websocket(url, connectionExpiry);
        }
    }
}
