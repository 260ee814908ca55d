package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

/**
 * Input of SendEvent: sends typing, read or delivered events.
 * <p>The token travels in the {@code X-Amz-Bearer} header, never in the body, and {@code toString} redacts it.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param contentType The event type, e.g. {@code application/vnd.amazonaws.connect.event.typing}.
 * @param content The event content, e.g. {@code {"messageId":"..."}} for receipts.
 * @param clientToken Idempotency token; filled with a random UUID when left empty.
 * @param connectionToken The connection token, sent in the {@code X-Amz-Bearer} header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendEventRequest(
    @JsonProperty("ContentType") String contentType,
    @JsonProperty("Content") String content,
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
        return "SendEventRequest[" + "contentType=" + contentType + ", "
                + "content=" + content + ", "
                + "clientToken=" + clientToken + ", "
                + "connectionToken=" + Redaction.secret(connectionToken) + "]";
    }

    /** Builds a {@link SendEventRequest}; setters are named after the members. */
    public static final class Builder {
        private String contentType;
        private String content;
        private String clientToken;
        private String connectionToken;

        private Builder() {
        }

        private Builder(SendEventRequest from) {
            this.contentType = from.contentType;
            this.content = from.content;
            this.clientToken = from.clientToken;
            this.connectionToken = from.connectionToken;
        }

        /**
         * @param contentType The event type, e.g. {@code application/vnd.amazonaws.connect.event.typing}.
         * @return this builder
         */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        /**
         * @param content The event content, e.g. {@code {"messageId":"..."}} for receipts.
         * @return this builder
         */
        public Builder content(String content) {
            this.content = content;
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

        /** @return a new {@link SendEventRequest} with the values set so far */
        public SendEventRequest build() {
            return new SendEventRequest(contentType, content, clientToken, connectionToken);
        }
    }
}
