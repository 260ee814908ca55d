package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Output of StartAttachmentUpload.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param attachmentId The id of the new attachment.
 * @param uploadMetadata Where and how to upload the bytes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartAttachmentUploadResponse(
    @JsonProperty("AttachmentId") String attachmentId,
    @JsonProperty("UploadMetadata") UploadMetadata uploadMetadata) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link StartAttachmentUploadResponse}; setters are named after the members. */
    public static final class Builder {
        private String attachmentId;
        private UploadMetadata uploadMetadata;

        private Builder() {
        }

        private Builder(StartAttachmentUploadResponse from) {
            this.attachmentId = from.attachmentId;
            this.uploadMetadata = from.uploadMetadata;
        }

        /**
         * @param attachmentId The id of the new attachment.
         * @return this builder
         */
        public Builder attachmentId(String attachmentId) {
            this.attachmentId = attachmentId;
            return this;
        }

        /**
         * @param uploadMetadata Where and how to upload the bytes.
         * @return this builder
         */
        public Builder uploadMetadata(UploadMetadata uploadMetadata) {
            this.uploadMetadata = uploadMetadata;
            return this;
        }

        /** @return a new {@link StartAttachmentUploadResponse} with the values set so far */
        public StartAttachmentUploadResponse build() {
            return new StartAttachmentUploadResponse(attachmentId, uploadMetadata);
        }
    }
}
