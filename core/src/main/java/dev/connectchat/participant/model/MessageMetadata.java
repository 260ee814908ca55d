package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Lists;

import java.util.List;

/**
 * Receipts and processing status of a message.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param messageId The message the metadata is about (may be absent).
 * @param receipts Read and delivered receipts.
 * @param messageProcessingStatus The processing status of the message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageMetadata(
    @JsonProperty("MessageId") String messageId,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Receipts") List<Receipt> receipts,
    @JsonProperty("MessageProcessingStatus") MessageProcessingStatus messageProcessingStatus) {

    /** Copies the collections, so that the record stays immutable. */
    public MessageMetadata {
        receipts = Lists.copyOf(receipts);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link MessageMetadata}; setters are named after the members. */
    public static final class Builder {
        private String messageId;
        private List<Receipt> receipts;
        private MessageProcessingStatus messageProcessingStatus;

        private Builder() {
        }

        private Builder(MessageMetadata from) {
            this.messageId = from.messageId;
            this.receipts = from.receipts;
            this.messageProcessingStatus = from.messageProcessingStatus;
        }

        /**
         * @param messageId The message the metadata is about (may be absent).
         * @return this builder
         */
        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        /**
         * @param receipts Read and delivered receipts.
         * @return this builder
         */
        public Builder receipts(List<Receipt> receipts) {
            this.receipts = receipts;
            return this;
        }

        /**
         * @param receipts Read and delivered receipts.
         * @return this builder
         */
        public Builder receipts(Receipt... receipts) {
            this.receipts = receipts == null ? null : Lists.of(receipts);
            return this;
        }

        /**
         * @param messageProcessingStatus The processing status of the message.
         * @return this builder
         */
        public Builder messageProcessingStatus(MessageProcessingStatus messageProcessingStatus) {
            this.messageProcessingStatus = messageProcessingStatus;
            return this;
        }

        /** @return a new {@link MessageMetadata} with the values set so far */
        public MessageMetadata build() {
            return new MessageMetadata(messageId, receipts, messageProcessingStatus);
        }
    }
}
