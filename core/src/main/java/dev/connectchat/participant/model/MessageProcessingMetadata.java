package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The processing status of a sent message.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param messageProcessingStatusAsString PROCESSING, FAILED or REJECTED. Raw string, kept as sent; {@link #messageProcessingStatus()} gives the constant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageProcessingMetadata(
    @JsonProperty("MessageProcessingStatus") String messageProcessingStatusAsString) {

    /**
     * @return pROCESSING, FAILED or REJECTED: {@link MessageProcessingStatus#UNKNOWN_TO_SDK_VERSION} for a value this version does not
     *     know (the raw value is in {@link #messageProcessingStatusAsString()}), {@code null} when absent
     */
    public MessageProcessingStatus messageProcessingStatus() {
        return MessageProcessingStatus.fromValue(messageProcessingStatusAsString);
    }

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
        private String messageProcessingStatus;

        private Builder() {
        }

        private Builder(MessageProcessingMetadata from) {
            this.messageProcessingStatus = from.messageProcessingStatusAsString;
        }

        /**
         * @param messageProcessingStatus PROCESSING, FAILED or REJECTED.
         * @return this builder
         */
        public Builder messageProcessingStatus(MessageProcessingStatus messageProcessingStatus) {
            this.messageProcessingStatus = messageProcessingStatus == null ? null : messageProcessingStatus.toString();
            return this;
        }

        /**
         * @param messageProcessingStatus PROCESSING, FAILED or REJECTED, as its raw string.
         * @return this builder
         */
        public Builder messageProcessingStatus(String messageProcessingStatus) {
            this.messageProcessingStatus = messageProcessingStatus;
            return this;
        }

        /** @return a new {@link MessageProcessingMetadata} with the values set so far */
        public MessageProcessingMetadata build() {
            return new MessageProcessingMetadata(messageProcessingStatus);
        }
    }
}
