package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Lists;
import dev.connectchat.participant.internal.Redaction;

import java.util.List;

/**
 * Input of CompleteAttachmentUpload: confirms that the bytes of an attachment were uploaded.
 * <p>The token travels in the {@code X-Amz-Bearer} header, never in the body, and {@code toString} redacts it.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param attachmentIds The id of the attachment to complete, as returned by StartAttachmentUpload (exactly one).
 * @param clientToken Idempotency token; filled with a random UUID when left empty.
 * @param connectionToken The connection token, sent in the {@code X-Amz-Bearer} header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompleteAttachmentUploadRequest(
    @JsonProperty("AttachmentIds") List<String> attachmentIds,
    @JsonProperty("ClientToken") String clientToken,
    @JsonIgnore String connectionToken) {

    /** Copies the collections, so that the record stays immutable. */
    public CompleteAttachmentUploadRequest {
        attachmentIds = Lists.copyOfOrNull(attachmentIds);
    }

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
        return "CompleteAttachmentUploadRequest[" + "attachmentIds=" + attachmentIds + ", "
                + "clientToken=" + clientToken + ", "
                + "connectionToken=" + Redaction.secret(connectionToken) + "]";
    }

    /** Builds a {@link CompleteAttachmentUploadRequest}; setters are named after the members. */
    public static final class Builder {
        private List<String> attachmentIds;
        private String clientToken;
        private String connectionToken;

        private Builder() {
        }

        private Builder(CompleteAttachmentUploadRequest from) {
            this.attachmentIds = from.attachmentIds;
            this.clientToken = from.clientToken;
            this.connectionToken = from.connectionToken;
        }

        /**
         * @param attachmentIds The id of the attachment to complete, as returned by StartAttachmentUpload (exactly one).
         * @return this builder
         */
        public Builder attachmentIds(List<String> attachmentIds) {
            this.attachmentIds = attachmentIds;
            return this;
        }

        /**
         * @param attachmentIds The id of the attachment to complete, as returned by StartAttachmentUpload (exactly one).
         * @return this builder
         */
        public Builder attachmentIds(String... attachmentIds) {
            this.attachmentIds = attachmentIds == null ? null : Lists.of(attachmentIds);
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

        /** @return a new {@link CompleteAttachmentUploadRequest} with the values set so far */
        public CompleteAttachmentUploadRequest build() {
            return new CompleteAttachmentUploadRequest(attachmentIds, clientToken, connectionToken);
        }
    }
}
