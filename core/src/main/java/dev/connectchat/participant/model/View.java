package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A view: the UI of a step-by-step guide.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param id The view id.
 * @param arn The view ARN.
 * @param name The view name.
 * @param version The view version.
 * @param content The view content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record View(
    @JsonProperty("Id") String id,
    @JsonProperty("Arn") String arn,
    @JsonProperty("Name") String name,
    @JsonProperty("Version") Integer version,
    @JsonProperty("Content") ViewContent content) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link View}; setters are named after the members. */
    public static final class Builder {
        private String id;
        private String arn;
        private String name;
        private Integer version;
        private ViewContent content;

        private Builder() {
        }

        private Builder(View from) {
            this.id = from.id;
            this.arn = from.arn;
            this.name = from.name;
            this.version = from.version;
            this.content = from.content;
        }

        /**
         * @param id The view id.
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param arn The view ARN.
         * @return this builder
         */
        public Builder arn(String arn) {
            this.arn = arn;
            return this;
        }

        /**
         * @param name The view name.
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param version The view version.
         * @return this builder
         */
        public Builder version(Integer version) {
            this.version = version;
            return this;
        }

        /**
         * @param content The view content.
         * @return this builder
         */
        public Builder content(ViewContent content) {
            this.content = content;
            return this;
        }

        /** @return a new {@link View} with the values set so far */
        public View build() {
            return new View(id, arn, name, version, content);
        }
    }
}
