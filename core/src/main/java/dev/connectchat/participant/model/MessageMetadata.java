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
 * @param messageProcessingStatusAsString The processing status of the message. Raw string, kept as sent; {@link #messageProcessingStatus()} gives the constant.
 * @param chunkNumber For a reply streamed in chunks over the WebSocket: the chunk number, from 1 (not in the service model).
 * @param messageCompleted For a reply streamed in chunks: whether this chunk completes the message and holds all of it (not in the service model).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageMetadata(
    @JsonProperty("MessageId") String messageId,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Receipts") List<Receipt> receipts,
    @JsonProperty("MessageProcessingStatus") String messageProcessingStatusAsString,
    @JsonProperty("ChunkNumber") Integer chunkNumber,
    @JsonProperty("MessageCompleted") Boolean messageCompleted) {

    /** Copies the collections, so that the record stays immutable. */
    public MessageMetadata {
        receipts = Lists.copyOf(receipts);
    }

    /**
     * @return the processing status of the message: {@link MessageProcessingStatus#UNKNOWN_TO_SDK_VERSION} for a value this version does not
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

    /** Builds a {@link MessageMetadata}; setters are named after the members. */
    public static final class Builder {
        private String messageId;
        private List<Receipt> receipts;
        private String messageProcessingStatus;
        private Integer chunkNumber;
        private Boolean messageCompleted;

        private Builder() {
        }

        private Builder(MessageMetadata from) {
            this.messageId = from.messageId;
            this.receipts = from.receipts;
            this.messageProcessingStatus = from.messageProcessingStatusAsString;
            this.chunkNumber = from.chunkNumber;
            this.messageCompleted = from.messageCompleted;
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
            this.messageProcessingStatus = messageProcessingStatus == null ? null : messageProcessingStatus.toString();
            return this;
        }

        /**
         * @param messageProcessingStatus The processing status of the message, as its raw string.
         * @return this builder
         */
        public Builder messageProcessingStatus(String messageProcessingStatus) {
            this.messageProcessingStatus = messageProcessingStatus;
            return this;
        }

        /**
         * @param chunkNumber For a reply streamed in chunks over the WebSocket: the chunk number, from 1 (not in the service model).
         * @return this builder
         */
        public Builder chunkNumber(Integer chunkNumber) {
            this.chunkNumber = chunkNumber;
            return this;
        }

        /**
         * @param messageCompleted For a reply streamed in chunks: whether this chunk completes the message and holds all of it (not in the service model).
         * @return this builder
         */
        public Builder messageCompleted(Boolean messageCompleted) {
            this.messageCompleted = messageCompleted;
            return this;
        }

        /** @return a new {@link MessageMetadata} with the values set so far */
        public MessageMetadata build() {
            return new MessageMetadata(messageId, receipts, messageProcessingStatus, chunkNumber, messageCompleted);
        }
    }
}
