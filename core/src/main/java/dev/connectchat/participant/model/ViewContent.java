package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Lists;

import java.util.List;

/**
 * The content of a view.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param inputSchema The JSON schema of the view input.
 * @param template The view template.
 * @param actions The actions the view offers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ViewContent(
    @JsonProperty("InputSchema") String inputSchema,
    @JsonProperty("Template") String template,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("Actions") List<String> actions) {

    /** Copies the collections, so that the record stays immutable. */
    public ViewContent {
        actions = Lists.copyOf(actions);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link ViewContent}; setters are named after the members. */
    public static final class Builder {
        private String inputSchema;
        private String template;
        private List<String> actions;

        private Builder() {
        }

        private Builder(ViewContent from) {
            this.inputSchema = from.inputSchema;
            this.template = from.template;
            this.actions = from.actions;
        }

        /**
         * @param inputSchema The JSON schema of the view input.
         * @return this builder
         */
        public Builder inputSchema(String inputSchema) {
            this.inputSchema = inputSchema;
            return this;
        }

        /**
         * @param template The view template.
         * @return this builder
         */
        public Builder template(String template) {
            this.template = template;
            return this;
        }

        /**
         * @param actions The actions the view offers.
         * @return this builder
         */
        public Builder actions(List<String> actions) {
            this.actions = actions;
            return this;
        }

        /**
         * @param actions The actions the view offers.
         * @return this builder
         */
        public Builder actions(String... actions) {
            this.actions = actions == null ? null : Lists.of(actions);
            return this;
        }

        /** @return a new {@link ViewContent} with the values set so far */
        public ViewContent build() {
            return new ViewContent(inputSchema, template, actions);
        }
    }
}
