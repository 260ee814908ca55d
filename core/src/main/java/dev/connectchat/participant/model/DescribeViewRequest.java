package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

/**
 * Input of DescribeView: reads a view (a step-by-step guide UI).
 * <p>The token travels in the {@code X-Amz-Bearer} header, never in the body, and {@code toString} redacts it.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param viewToken The view token, 1 to 1000 characters; sent in the request path.
 * @param connectionToken The connection token, sent in the {@code X-Amz-Bearer} header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescribeViewRequest(
    @JsonIgnore String viewToken,
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
        return "DescribeViewRequest[" + "viewToken=" + viewToken + ", "
                + "connectionToken=" + Redaction.secret(connectionToken) + "]";
    }

    /** Builds a {@link DescribeViewRequest}; setters are named after the members. */
    public static final class Builder {
        private String viewToken;
        private String connectionToken;

        private Builder() {
        }

        private Builder(DescribeViewRequest from) {
            this.viewToken = from.viewToken;
            this.connectionToken = from.connectionToken;
        }

        /**
         * @param viewToken The view token, 1 to 1000 characters; sent in the request path.
         * @return this builder
         */
        public Builder viewToken(String viewToken) {
            this.viewToken = viewToken;
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

        /** @return a new {@link DescribeViewRequest} with the values set so far */
        public DescribeViewRequest build() {
            return new DescribeViewRequest(viewToken, connectionToken);
        }
    }
}
