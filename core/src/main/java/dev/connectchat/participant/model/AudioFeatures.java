package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The audio features of a WebRTC meeting.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param echoReductionAsString Whether echo reduction is available. Raw string, kept as sent; {@link #echoReduction()} gives the constant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AudioFeatures(
    @JsonProperty("EchoReduction") String echoReductionAsString) {

    /**
     * @return whether echo reduction is available: {@link MeetingFeatureStatus#UNKNOWN_TO_SDK_VERSION} for a value this version does not
     *     know (the raw value is in {@link #echoReductionAsString()}), {@code null} when absent
     */
    public MeetingFeatureStatus echoReduction() {
        return MeetingFeatureStatus.fromValue(echoReductionAsString);
    }

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
        private String echoReduction;

        private Builder() {
        }

        private Builder(AudioFeatures from) {
            this.echoReduction = from.echoReductionAsString;
        }

        /**
         * @param echoReduction Whether echo reduction is available.
         * @return this builder
         */
        public Builder echoReduction(MeetingFeatureStatus echoReduction) {
            this.echoReduction = echoReduction == null ? null : echoReduction.toString();
            return this;
        }

        /**
         * @param echoReduction Whether echo reduction is available, as its raw string.
         * @return this builder
         */
        public Builder echoReduction(String echoReduction) {
            this.echoReduction = echoReduction;
            return this;
        }

        /** @return a new {@link AudioFeatures} with the values set so far */
        public AudioFeatures build() {
            return new AudioFeatures(echoReduction);
        }
    }
}
