package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The audio features of a WebRTC meeting.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param echoReduction Whether echo reduction is available.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AudioFeatures(
    @JsonProperty("EchoReduction") MeetingFeatureStatus echoReduction) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link AudioFeatures}; setters are named after the members. */
    public static final class Builder {
        private MeetingFeatureStatus echoReduction;

        private Builder() {
        }

        private Builder(AudioFeatures from) {
            this.echoReduction = from.echoReduction;
        }

        /**
         * @param echoReduction Whether echo reduction is available.
         * @return this builder
         */
        public Builder echoReduction(MeetingFeatureStatus echoReduction) {
            this.echoReduction = echoReduction;
            return this;
        }

        /** @return a new {@link AudioFeatures} with the values set so far */
        public AudioFeatures build() {
            return new AudioFeatures(echoReduction);
        }
    }
}
