package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A WebRTC meeting.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param mediaPlacement Where the media services are.
 * @param meetingFeatures The features of the meeting.
 * @param meetingId The meeting id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebRTCMeeting(
    @JsonProperty("MediaPlacement") WebRTCMediaPlacement mediaPlacement,
    @JsonProperty("MeetingFeatures") MeetingFeaturesConfiguration meetingFeatures,
    @JsonProperty("MeetingId") String meetingId) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link WebRTCMeeting}; setters are named after the members. */
    public static final class Builder {
        private WebRTCMediaPlacement mediaPlacement;
        private MeetingFeaturesConfiguration meetingFeatures;
        private String meetingId;

        private Builder() {
        }

        private Builder(WebRTCMeeting from) {
            this.mediaPlacement = from.mediaPlacement;
            this.meetingFeatures = from.meetingFeatures;
            this.meetingId = from.meetingId;
        }

        /**
         * @param mediaPlacement Where the media services are.
         * @return this builder
         */
        public Builder mediaPlacement(WebRTCMediaPlacement mediaPlacement) {
            this.mediaPlacement = mediaPlacement;
            return this;
        }

        /**
         * @param meetingFeatures The features of the meeting.
         * @return this builder
         */
        public Builder meetingFeatures(MeetingFeaturesConfiguration meetingFeatures) {
            this.meetingFeatures = meetingFeatures;
            return this;
        }

        /**
         * @param meetingId The meeting id.
         * @return this builder
         */
        public Builder meetingId(String meetingId) {
            this.meetingId = meetingId;
            return this;
        }

        /** @return a new {@link WebRTCMeeting} with the values set so far */
        public WebRTCMeeting build() {
            return new WebRTCMeeting(mediaPlacement, meetingFeatures, meetingId);
        }
    }
}
