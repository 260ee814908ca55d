package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An attachment of a transcript item.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param contentType The MIME type of the attachment.
 * @param attachmentId The attachment id.
 * @param attachmentName The file name.
 * @param statusAsString Whether the attachment was approved, rejected or is still scanned. Raw string, kept as sent; {@link #status()} gives the constant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentItem(
    @JsonProperty("ContentType") String contentType,
    @JsonProperty("AttachmentId") String attachmentId,
    @JsonProperty("AttachmentName") String attachmentName,
    @JsonProperty("Status") String statusAsString) {

    /**
     * @return whether the attachment was approved, rejected or is still scanned: {@link ArtifactStatus#UNKNOWN_TO_SDK_VERSION} for a value this version does not
     *     know (the raw value is in {@link #statusAsString()}), {@code null} when absent
     */
    public ArtifactStatus status() {
        return ArtifactStatus.fromValue(statusAsString);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link AttachmentItem}; setters are named after the members. */
    public static final class Builder {
        private String contentType;
        private String attachmentId;
        private String attachmentName;
        private String status;

        private Builder() {
        }

        private Builder(AttachmentItem from) {
            this.contentType = from.contentType;
            this.attachmentId = from.attachmentId;
            this.attachmentName = from.attachmentName;
            this.status = from.statusAsString;
        }

        /**
         * @param contentType The MIME type of the attachment.
         * @return this builder
         */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        /**
         * @param attachmentId The attachment id.
         * @return this builder
         */
        public Builder attachmentId(String attachmentId) {
            this.attachmentId = attachmentId;
            return this;
        }

        /**
         * @param attachmentName The file name.
         * @return this builder
         */
        public Builder attachmentName(String attachmentName) {
            this.attachmentName = attachmentName;
            return this;
        }

        /**
         * @param status Whether the attachment was approved, rejected or is still scanned.
         * @return this builder
         */
        public Builder status(ArtifactStatus status) {
            this.status = status == null ? null : status.toString();
            return this;
        }

        /**
         * @param status Whether the attachment was approved, rejected or is still scanned, as its raw string.
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /** @return a new {@link AttachmentItem} with the values set so far */
        public AttachmentItem build() {
            return new AttachmentItem(contentType, attachmentId, attachmentName, status);
        }
    }
}
