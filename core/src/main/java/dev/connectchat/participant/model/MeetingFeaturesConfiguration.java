package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The features of a WebRTC meeting.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param audio The audio features.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingFeaturesConfiguration(
    @JsonProperty("Audio") AudioFeatures audio) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link MeetingFeaturesConfiguration}; setters are named after the members. */
    public static final class Builder {
        private AudioFeatures audio;

        private Builder() {
        }

        private Builder(MeetingFeaturesConfiguration from) {
            this.audio = from.audio;
        }

        /**
         * @param audio The audio features.
         * @return this builder
         */
        public Builder audio(AudioFeatures audio) {
            this.audio = audio;
            return this;
        }

        /** @return a new {@link MeetingFeaturesConfiguration} with the values set so far */
        public MeetingFeaturesConfiguration build() {
            return new MeetingFeaturesConfiguration(audio);
        }
    }
}
