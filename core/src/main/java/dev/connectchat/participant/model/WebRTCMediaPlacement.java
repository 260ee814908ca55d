package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The media service URLs of a WebRTC meeting.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param audioHostUrl The audio host URL.
 * @param audioFallbackUrl The audio fallback URL.
 * @param signalingUrl The signaling URL.
 * @param eventIngestionUrl The event ingestion URL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebRTCMediaPlacement(
    @JsonProperty("AudioHostUrl") String audioHostUrl,
    @JsonProperty("AudioFallbackUrl") String audioFallbackUrl,
    @JsonProperty("SignalingUrl") String signalingUrl,
    @JsonProperty("EventIngestionUrl") String eventIngestionUrl) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link WebRTCMediaPlacement}; setters are named after the members. */
    public static final class Builder {
        private String audioHostUrl;
        private String audioFallbackUrl;
        private String signalingUrl;
        private String eventIngestionUrl;

        private Builder() {
        }

        private Builder(WebRTCMediaPlacement from) {
            this.audioHostUrl = from.audioHostUrl;
            this.audioFallbackUrl = from.audioFallbackUrl;
            this.signalingUrl = from.signalingUrl;
            this.eventIngestionUrl = from.eventIngestionUrl;
        }

        /**
         * @param audioHostUrl The audio host URL.
         * @return this builder
         */
        public Builder audioHostUrl(String audioHostUrl) {
            this.audioHostUrl = audioHostUrl;
            return this;
        }

        /**
         * @param audioFallbackUrl The audio fallback URL.
         * @return this builder
         */
        public Builder audioFallbackUrl(String audioFallbackUrl) {
            this.audioFallbackUrl = audioFallbackUrl;
            return this;
        }

        /**
         * @param signalingUrl The signaling URL.
         * @return this builder
         */
        public Builder signalingUrl(String signalingUrl) {
            this.signalingUrl = signalingUrl;
            return this;
        }

        /**
         * @param eventIngestionUrl The event ingestion URL.
         * @return this builder
         */
        public Builder eventIngestionUrl(String eventIngestionUrl) {
            this.eventIngestionUrl = eventIngestionUrl;
            return this;
        }

        /** @return a new {@link WebRTCMediaPlacement} with the values set so far */
        public WebRTCMediaPlacement build() {
            return new WebRTCMediaPlacement(audioHostUrl, audioFallbackUrl, signalingUrl, eventIngestionUrl);
        }
    }
}
