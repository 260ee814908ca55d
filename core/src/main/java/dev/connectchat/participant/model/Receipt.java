package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A read or delivered receipt of one recipient.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param deliveredTimestamp When the message was delivered.
 * @param readTimestamp When the message was read.
 * @param recipientParticipantId The recipient.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Receipt(
    @JsonProperty("DeliveredTimestamp") Instant deliveredTimestamp,
    @JsonProperty("ReadTimestamp") Instant readTimestamp,
    @JsonProperty("RecipientParticipantId") String recipientParticipantId) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link Receipt}; setters are named after the members. */
    public static final class Builder {
        private Instant deliveredTimestamp;
        private Instant readTimestamp;
        private String recipientParticipantId;

        private Builder() {
        }

        private Builder(Receipt from) {
            this.deliveredTimestamp = from.deliveredTimestamp;
            this.readTimestamp = from.readTimestamp;
            this.recipientParticipantId = from.recipientParticipantId;
        }

        /**
         * @param deliveredTimestamp When the message was delivered.
         * @return this builder
         */
        public Builder deliveredTimestamp(Instant deliveredTimestamp) {
            this.deliveredTimestamp = deliveredTimestamp;
            return this;
        }

        /**
         * @param readTimestamp When the message was read.
         * @return this builder
         */
        public Builder readTimestamp(Instant readTimestamp) {
            this.readTimestamp = readTimestamp;
            return this;
        }

        /**
         * @param recipientParticipantId The recipient.
         * @return this builder
         */
        public Builder recipientParticipantId(String recipientParticipantId) {
            this.recipientParticipantId = recipientParticipantId;
            return this;
        }

        /** @return a new {@link Receipt} with the values set so far */
        public Receipt build() {
            return new Receipt(deliveredTimestamp, readTimestamp, recipientParticipantId);
        }
    }
}
