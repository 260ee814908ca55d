package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * Output of SendEvent.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param id The id of the event item.
 * @param absoluteTime When the event was recorded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendEventResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("AbsoluteTime") Instant absoluteTime) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link SendEventResponse}; setters are named after the members. */
    public static final class Builder {
        private String id;
        private Instant absoluteTime;

        private Builder() {
        }

        private Builder(SendEventResponse from) {
            this.id = from.id;
            this.absoluteTime = from.absoluteTime;
        }

        /**
         * @param id The id of the event item.
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param absoluteTime When the event was recorded.
         * @return this builder
         */
        public Builder absoluteTime(Instant absoluteTime) {
            this.absoluteTime = absoluteTime;
            return this;
        }

        /** @return a new {@link SendEventResponse} with the values set so far */
        public SendEventResponse build() {
            return new SendEventResponse(id, absoluteTime);
        }
    }
}
