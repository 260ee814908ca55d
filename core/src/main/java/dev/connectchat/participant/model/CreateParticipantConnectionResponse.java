package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Output of CreateParticipantConnection.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param websocket The WebSocket URL and its expiry, when {@code WEBSOCKET} was asked for.
 * @param connectionCredentials The connection token and its expiry, when {@code CONNECTION_CREDENTIALS} was asked for.
 * @param webRTCConnection The WebRTC meeting data, when {@code WEBRTC_CONNECTION} was asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateParticipantConnectionResponse(
    @JsonProperty("Websocket") Websocket websocket,
    @JsonProperty("ConnectionCredentials") ConnectionCredentials connectionCredentials,
    @JsonProperty("WebRTCConnection") WebRTCConnection webRTCConnection) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link CreateParticipantConnectionResponse}; setters are named after the members. */
    public static final class Builder {
        private Websocket websocket;
        private ConnectionCredentials connectionCredentials;
        private WebRTCConnection webRTCConnection;

        private Builder() {
        }

        private Builder(CreateParticipantConnectionResponse from) {
            this.websocket = from.websocket;
            this.connectionCredentials = from.connectionCredentials;
            this.webRTCConnection = from.webRTCConnection;
        }

        /**
         * @param websocket The WebSocket URL and its expiry, when {@code WEBSOCKET} was asked for.
         * @return this builder
         */
        public Builder websocket(Websocket websocket) {
            this.websocket = websocket;
            return this;
        }

        /**
         * @param connectionCredentials The connection token and its expiry, when {@code CONNECTION_CREDENTIALS} was asked for.
         * @return this builder
         */
        public Builder connectionCredentials(ConnectionCredentials connectionCredentials) {
            this.connectionCredentials = connectionCredentials;
            return this;
        }

        /**
         * @param webRTCConnection The WebRTC meeting data, when {@code WEBRTC_CONNECTION} was asked for.
         * @return this builder
         */
        public Builder webRTCConnection(WebRTCConnection webRTCConnection) {
            this.webRTCConnection = webRTCConnection;
            return this;
        }

        /** @return a new {@link CreateParticipantConnectionResponse} with the values set so far */
        public CreateParticipantConnectionResponse build() {
            return new CreateParticipantConnectionResponse(websocket, connectionCredentials, webRTCConnection);
        }
    }
}
