package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

/**
 * A WebRTC meeting attendee.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param attendeeId The attendee id.
 * @param joinToken The join token (never printed by {@code toString}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attendee(
    @JsonProperty("AttendeeId") String attendeeId,
    @JsonProperty("JoinToken") String joinToken) {

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
        return "Attendee[" + "attendeeId=" + attendeeId + ", "
                + "joinToken=" + Redaction.secret(joinToken) + "]";
    }

    /** Builds a {@link Attendee}; setters are named after the members. */
    public static final class Builder {
        private String attendeeId;
        private String joinToken;

        private Builder() {
        }

        private Builder(Attendee from) {
            this.attendeeId = from.attendeeId;
            this.joinToken = from.joinToken;
        }

        /**
         * @param attendeeId The attendee id.
         * @return this builder
         */
        public Builder attendeeId(String attendeeId) {
            this.attendeeId = attendeeId;
            return this;
        }

        /**
         * @param joinToken The join token (never printed by {@code toString}).
         * @return this builder
         */
        public Builder joinToken(String joinToken) {
            this.joinToken = joinToken;
            return this;
        }

        /** @return a new {@link Attendee} with the values set so far */
        public Attendee build() {
            return new Attendee(attendeeId, joinToken);
        }
    }
}
