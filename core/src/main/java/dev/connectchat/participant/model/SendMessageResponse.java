package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * Output of SendMessage.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param id The id of the message item.
 * @param absoluteTime When the message was recorded.
 * @param messageMetadata The processing status of the message, when the service reports one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendMessageResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("AbsoluteTime") Instant absoluteTime,
    @JsonProperty("MessageMetadata") MessageProcessingMetadata messageMetadata) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link SendMessageResponse}; setters are named after the members. */
    public static final class Builder {
        private String id;
        private Instant absoluteTime;
        private MessageProcessingMetadata messageMetadata;

        private Builder() {
        }

        private Builder(SendMessageResponse from) {
            this.id = from.id;
            this.absoluteTime = from.absoluteTime;
            this.messageMetadata = from.messageMetadata;
        }

        /**
         * @param id The id of the message item.
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param absoluteTime When the message was recorded.
         * @return this builder
         */
        public Builder absoluteTime(Instant absoluteTime) {
            this.absoluteTime = absoluteTime;
            return this;
        }

        /**
         * @param messageMetadata The processing status of the message, when the service reports one.
         * @return this builder
         */
        public Builder messageMetadata(MessageProcessingMetadata messageMetadata) {
            this.messageMetadata = messageMetadata;
            return this;
        }

        /** @return a new {@link SendMessageResponse} with the values set so far */
        public SendMessageResponse build() {
            return new SendMessageResponse(id, absoluteTime, messageMetadata);
        }
    }
}
