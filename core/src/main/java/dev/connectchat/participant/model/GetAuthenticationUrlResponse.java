package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

/**
 * Output of GetAuthenticationUrl.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param authenticationUrl The URL of the authentication page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetAuthenticationUrlResponse(
    @JsonProperty("AuthenticationUrl") String authenticationUrl) {

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
        return "GetAuthenticationUrlResponse[" + "authenticationUrl=" + Redaction.url(authenticationUrl) + "]";
    }

    /** Builds a {@link GetAuthenticationUrlResponse}; setters are named after the members. */
    public static final class Builder {
        private String authenticationUrl;

        private Builder() {
        }

        private Builder(GetAuthenticationUrlResponse from) {
            this.authenticationUrl = from.authenticationUrl;
        }

        /**
         * @param authenticationUrl The URL of the authentication page.
         * @return this builder
         */
        public Builder authenticationUrl(String authenticationUrl) {
            this.authenticationUrl = authenticationUrl;
            return this;
        }

        /** @return a new {@link GetAuthenticationUrlResponse} with the values set so far */
        public GetAuthenticationUrlResponse build() {
            return new GetAuthenticationUrlResponse(authenticationUrl);
        }
    }
}
