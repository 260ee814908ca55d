package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The processing status of a sent message.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param messageProcessingStatus PROCESSING, FAILED or REJECTED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageProcessingMetadata(
    @JsonProperty("MessageProcessingStatus") MessageProcessingStatus messageProcessingStatus) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link MessageProcessingMetadata}; setters are named after the members. */
    public static final class Builder {
        private MessageProcessingStatus messageProcessingStatus;

        private Builder() {
        }

        private Builder(MessageProcessingMetadata from) {
            this.messageProcessingStatus = from.messageProcessingStatus;
        }

        /**
         * @param messageProcessingStatus PROCESSING, FAILED or REJECTED.
         * @return this builder
         */
        public Builder messageProcessingStatus(MessageProcessingStatus messageProcessingStatus) {
            this.messageProcessingStatus = messageProcessingStatus;
            return this;
        }

        /** @return a new {@link MessageProcessingMetadata} with the values set so far */
        public MessageProcessingMetadata build() {
            return new MessageProcessingMetadata(messageProcessingStatus);
        }
    }
}
