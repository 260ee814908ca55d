package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Lists;

import java.util.List;

/**
 * Output of GetTranscript: one page of the transcript.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param initialContactId The id of the first contact of the chat.
 * @param transcript The items of this page.
 * @param nextToken The token of the next page; absent or empty on the last page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetTranscriptResponse(
    @JsonProperty("InitialContactId") String initialContactId,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Transcript") List<Item> transcript,
    @JsonProperty("NextToken") String nextToken) {

    /** Copies the collections, so that the record stays immutable. */
    public GetTranscriptResponse {
        transcript = Lists.copyOf(transcript);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link GetTranscriptResponse}; setters are named after the members. */
    public static final class Builder {
        private String initialContactId;
        private List<Item> transcript;
        private String nextToken;

        private Builder() {
        }

        private Builder(GetTranscriptResponse from) {
            this.initialContactId = from.initialContactId;
            this.transcript = from.transcript;
            this.nextToken = from.nextToken;
        }

        /**
         * @param initialContactId The id of the first contact of the chat.
         * @return this builder
         */
        public Builder initialContactId(String initialContactId) {
            this.initialContactId = initialContactId;
            return this;
        }

        /**
         * @param transcript The items of this page.
         * @return this builder
         */
        public Builder transcript(List<Item> transcript) {
            this.transcript = transcript;
            return this;
        }

        /**
         * @param transcript The items of this page.
         * @return this builder
         */
        public Builder transcript(Item... transcript) {
            this.transcript = transcript == null ? null : Lists.of(transcript);
            return this;
        }

        /**
         * @param nextToken The token of the next page; absent or empty on the last page.
         * @return this builder
         */
        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        /** @return a new {@link GetTranscriptResponse} with the values set so far */
        public GetTranscriptResponse build() {
            return new GetTranscriptResponse(initialContactId, transcript, nextToken);
        }
    }
}
