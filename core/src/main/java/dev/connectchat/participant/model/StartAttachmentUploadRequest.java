package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

/**
 * Input of StartAttachmentUpload: asks for a pre-signed upload URL.
 * <p>The token travels in the {@code X-Amz-Bearer} header, never in the body, and {@code toString} redacts it.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param contentType The MIME type of the attachment.
 * @param attachmentSizeInBytes The size of the attachment in bytes (at least 1).
 * @param attachmentName The file name of the attachment.
 * @param clientToken Idempotency token; filled with a random UUID when left empty.
 * @param connectionToken The connection token, sent in the {@code X-Amz-Bearer} header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartAttachmentUploadRequest(
    @JsonProperty("ContentType") String contentType,
    @JsonProperty("AttachmentSizeInBytes") Long attachmentSizeInBytes,
    @JsonProperty("AttachmentName") String attachmentName,
    @JsonProperty("ClientToken") String clientToken,
    @JsonIgnore String connectionToken) {

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
        return "StartAttachmentUploadRequest[" + "contentType=" + contentType + ", "
                + "attachmentSizeInBytes=" + attachmentSizeInBytes + ", "
                + "attachmentName=" + attachmentName + ", "
                + "clientToken=" + clientToken + ", "
                + "connectionToken=" + Redaction.secret(connectionToken) + "]";
    }

    /** Builds a {@link StartAttachmentUploadRequest}; setters are named after the members. */
    public static final class Builder {
        private String contentType;
        private Long attachmentSizeInBytes;
        private String attachmentName;
        private String clientToken;
        private String connectionToken;

        private Builder() {
        }

        private Builder(StartAttachmentUploadRequest from) {
            this.contentType = from.contentType;
            this.attachmentSizeInBytes = from.attachmentSizeInBytes;
            this.attachmentName = from.attachmentName;
            this.clientToken = from.clientToken;
            this.connectionToken = from.connectionToken;
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
         * @param attachmentSizeInBytes The size of the attachment in bytes (at least 1).
         * @return this builder
         */
        public Builder attachmentSizeInBytes(Long attachmentSizeInBytes) {
            this.attachmentSizeInBytes = attachmentSizeInBytes;
            return this;
        }

        /**
         * @param attachmentName The file name of the attachment.
         * @return this builder
         */
        public Builder attachmentName(String attachmentName) {
            this.attachmentName = attachmentName;
            return this;
        }

        /**
         * @param clientToken Idempotency token; filled with a random UUID when left empty.
         * @return this builder
         */
        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        /**
         * @param connectionToken The connection token, sent in the {@code X-Amz-Bearer} header.
         * @return this builder
         */
        public Builder connectionToken(String connectionToken) {
            this.connectionToken = connectionToken;
            return this;
        }

        /** @return a new {@link StartAttachmentUploadRequest} with the values set so far */
        public StartAttachmentUploadRequest build() {
            return new StartAttachmentUploadRequest(contentType, attachmentSizeInBytes, attachmentName, clientToken, connectionToken);
        }
    }
}
