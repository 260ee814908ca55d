package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

import java.time.Instant;

/**
 * Output of GetAttachment.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param url The pre-signed download URL.
 * @param urlExpiry When the URL expires.
 * @param attachmentSizeInBytes The size of the attachment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetAttachmentResponse(
    @JsonProperty("Url") String url,
    @JsonProperty("UrlExpiry") Instant urlExpiry,
    @JsonProperty("AttachmentSizeInBytes") Long attachmentSizeInBytes) {

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
        return "GetAttachmentResponse[" + "url=" + Redaction.url(url) + ", "
                + "urlExpiry=" + urlExpiry + ", "
                + "attachmentSizeInBytes=" + attachmentSizeInBytes + "]";
    }

    /** Builds a {@link GetAttachmentResponse}; setters are named after the members. */
    public static final class Builder {
        private String url;
        private Instant urlExpiry;
        private Long attachmentSizeInBytes;

        private Builder() {
        }

        private Builder(GetAttachmentResponse from) {
            this.url = from.url;
            this.urlExpiry = from.urlExpiry;
            this.attachmentSizeInBytes = from.attachmentSizeInBytes;
        }

        /**
         * @param url The pre-signed download URL.
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * @param urlExpiry When the URL expires.
         * @return this builder
         */
        public Builder urlExpiry(Instant urlExpiry) {
            this.urlExpiry = urlExpiry;
            return this;
        }

        /**
         * @param attachmentSizeInBytes The size of the attachment.
         * @return this builder
         */
        public Builder attachmentSizeInBytes(Long attachmentSizeInBytes) {
            this.attachmentSizeInBytes = attachmentSizeInBytes;
            return this;
        }

        /** @return a new {@link GetAttachmentResponse} with the values set so far */
        public GetAttachmentResponse build() {
            return new GetAttachmentResponse(url, urlExpiry, attachmentSizeInBytes);
        }
    }
}
