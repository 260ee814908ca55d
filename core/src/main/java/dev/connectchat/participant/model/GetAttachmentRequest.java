package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

/**
 * Input of GetAttachment: asks for a pre-signed download URL.
 * <p>The token travels in the {@code X-Amz-Bearer} header, never in the body, and {@code toString} redacts it.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param attachmentId The attachment id.
 * @param connectionToken The connection token, sent in the {@code X-Amz-Bearer} header.
 * @param urlExpiryInSeconds How long the download URL stays valid, 5 to 300 seconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetAttachmentRequest(
    @JsonProperty("AttachmentId") String attachmentId,
    @JsonIgnore String connectionToken,
    @JsonProperty("UrlExpiryInSeconds") Integer urlExpiryInSeconds) {

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
        return "GetAttachmentRequest[" + "attachmentId=" + attachmentId + ", "
                + "connectionToken=" + Redaction.secret(connectionToken) + ", "
                + "urlExpiryInSeconds=" + urlExpiryInSeconds + "]";
    }

    /** Builds a {@link GetAttachmentRequest}; setters are named after the members. */
    public static final class Builder {
        private String attachmentId;
        private String connectionToken;
        private Integer urlExpiryInSeconds;

        private Builder() {
        }

        private Builder(GetAttachmentRequest from) {
            this.attachmentId = from.attachmentId;
            this.connectionToken = from.connectionToken;
            this.urlExpiryInSeconds = from.urlExpiryInSeconds;
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
         * @param connectionToken The connection token, sent in the {@code X-Amz-Bearer} header.
         * @return this builder
         */
        public Builder connectionToken(String connectionToken) {
            this.connectionToken = connectionToken;
            return this;
        }

        /**
         * @param urlExpiryInSeconds How long the download URL stays valid, 5 to 300 seconds.
         * @return this builder
         */
        public Builder urlExpiryInSeconds(Integer urlExpiryInSeconds) {
            this.urlExpiryInSeconds = urlExpiryInSeconds;
            return this;
        }

        /** @return a new {@link GetAttachmentRequest} with the values set so far */
        public GetAttachmentRequest build() {
            return new GetAttachmentRequest(attachmentId, connectionToken, urlExpiryInSeconds);
        }
    }
}
