package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The data needed to join a WebRTC meeting.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param attendee The attendee.
 * @param meeting The meeting.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebRTCConnection(
    @JsonProperty("Attendee") Attendee attendee,
    @JsonProperty("Meeting") WebRTCMeeting meeting) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link WebRTCConnection}; setters are named after the members. */
    public static final class Builder {
        private Attendee attendee;
        private WebRTCMeeting meeting;

        private Builder() {
        }

        private Builder(WebRTCConnection from) {
            this.attendee = from.attendee;
            this.meeting = from.meeting;
        }

        /**
         * @param attendee The attendee.
         * @return this builder
         */
        public Builder attendee(Attendee attendee) {
            this.attendee = attendee;
            return this;
        }

        /**
         * @param meeting The meeting.
         * @return this builder
         */
        public Builder meeting(WebRTCMeeting meeting) {
            this.meeting = meeting;
            return this;
        }

        /** @return a new {@link WebRTCConnection} with the values set so far */
        public WebRTCConnection build() {
            return new WebRTCConnection(attendee, meeting);
        }
    }
}
