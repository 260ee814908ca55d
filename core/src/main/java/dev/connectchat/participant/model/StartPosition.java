package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * Where GetTranscript starts reading: one of an item id, a time or the most recent items.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param id Start at this item.
 * @param absoluteTime Start at this time.
 * @param mostRecent Start this many items before the most recent one, 0 to 100.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartPosition(
    @JsonProperty("Id") String id,
    @JsonProperty("AbsoluteTime") Instant absoluteTime,
    @JsonProperty("MostRecent") Integer mostRecent) {

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link StartPosition}; setters are named after the members. */
    public static final class Builder {
        private String id;
        private Instant absoluteTime;
        private Integer mostRecent;

        private Builder() {
        }

        private Builder(StartPosition from) {
            this.id = from.id;
            this.absoluteTime = from.absoluteTime;
            this.mostRecent = from.mostRecent;
        }

        /**
         * @param id Start at this item.
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param absoluteTime Start at this time.
         * @return this builder
         */
        public Builder absoluteTime(Instant absoluteTime) {
            this.absoluteTime = absoluteTime;
            return this;
        }

        /**
         * @param mostRecent Start this many items before the most recent one, 0 to 100.
         * @return this builder
         */
        public Builder mostRecent(Integer mostRecent) {
            this.mostRecent = mostRecent;
            return this;
        }

        /** @return a new {@link StartPosition} with the values set so far */
        public StartPosition build() {
            return new StartPosition(id, absoluteTime, mostRecent);
        }
    }
}
