package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Output of DescribeView.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param view The view.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescribeViewResponse(
    @JsonProperty("View") View view) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link DescribeViewResponse}; setters are named after the members. */
    public static final class Builder {
        private View view;

        private Builder() {
        }

        private Builder(DescribeViewResponse from) {
            this.view = from.view;
        }

        /**
         * @param view The view.
         * @return this builder
         */
        public Builder view(View view) {
            this.view = view;
            return this;
        }

        /** @return a new {@link DescribeViewResponse} with the values set so far */
        public DescribeViewResponse build() {
            return new DescribeViewResponse(view);
        }
    }
}
