package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Lists;
import dev.connectchat.participant.internal.Redaction;

import java.time.Instant;
import java.util.Map;

/**
 * Where and how to upload an attachment.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param url The pre-signed upload URL (its query is never printed by {@code toString}).
 * @param urlExpiry When the URL expires.
 * @param headersToInclude The headers the upload must carry, exactly.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadMetadata(
    @JsonProperty("Url") String url,
    @JsonProperty("UrlExpiry") Instant urlExpiry,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("HeadersToInclude") Map<String, String> headersToInclude) {

    /** Copies the collections, so that the record stays immutable. */
    public UploadMetadata {
        headersToInclude = Lists.copyOfMap(headersToInclude);
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
        return "UploadMetadata[" + "url=" + Redaction.url(url) + ", "
                + "urlExpiry=" + urlExpiry + ", "
                + "headersToInclude=" + headersToInclude + "]";
    }

    /** Builds a {@link UploadMetadata}; setters are named after the members. */
    public static final class Builder {
        private String url;
        private Instant urlExpiry;
        private Map<String, String> headersToInclude;

        private Builder() {
        }

        private Builder(UploadMetadata from) {
            this.url = from.url;
            this.urlExpiry = from.urlExpiry;
            this.headersToInclude = from.headersToInclude;
        }

        /**
         * @param url The pre-signed upload URL (its query is never printed by {@code toString}).
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
         * @param headersToInclude The headers the upload must carry, exactly.
         * @return this builder
         */
        public Builder headersToInclude(Map<String, String> headersToInclude) {
            this.headersToInclude = headersToInclude;
            return this;
        }

        /** @return a new {@link UploadMetadata} with the values set so far */
        public UploadMetadata build() {
            return new UploadMetadata(url, urlExpiry, headersToInclude);
        }
    }
}
