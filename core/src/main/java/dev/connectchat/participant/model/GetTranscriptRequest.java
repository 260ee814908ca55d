package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Redaction;

/**
 * Input of GetTranscript: reads one page of the transcript.
 * <p>The token travels in the {@code X-Amz-Bearer} header, never in the body, and {@code toString} redacts it.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param contactId A past contact of a persistent chat to read; the current one when absent.
 * @param maxResults The page size, 0 to 100 (service default 10).
 * @param nextToken The token of the page to read, from the previous response.
 * @param scanDirectionAsString The direction to read in (default BACKWARD without a start position, FORWARD with one). Raw string, kept as sent; {@link #scanDirection()} gives the constant.
 * @param sortOrderAsString The order of the items in a page (default DESCENDING). Raw string, kept as sent; {@link #sortOrder()} gives the constant.
 * @param startPosition Where to start reading.
 * @param connectionToken The connection token, sent in the {@code X-Amz-Bearer} header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetTranscriptRequest(
    @JsonProperty("ContactId") String contactId,
    @JsonProperty("MaxResults") Integer maxResults,
    @JsonProperty("NextToken") String nextToken,
    @JsonProperty("ScanDirection") String scanDirectionAsString,
    @JsonProperty("SortOrder") String sortOrderAsString,
    @JsonProperty("StartPosition") StartPosition startPosition,
    @JsonIgnore String connectionToken) {

    /**
     * @return the direction to read in (default BACKWARD without a start position, FORWARD with one): {@link ScanDirection#UNKNOWN_TO_SDK_VERSION} for a value this version does not
     *     know (the raw value is in {@link #scanDirectionAsString()}), {@code null} when absent
     */
    public ScanDirection scanDirection() {
        return ScanDirection.fromValue(scanDirectionAsString);
    }

    /**
     * @return the order of the items in a page (default DESCENDING): {@link SortKey#UNKNOWN_TO_SDK_VERSION} for a value this version does not
     *     know (the raw value is in {@link #sortOrderAsString()}), {@code null} when absent
     */
    public SortKey sortOrder() {
        return SortKey.fromValue(sortOrderAsString);
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
        return "GetTranscriptRequest[" + "contactId=" + contactId + ", "
                + "maxResults=" + maxResults + ", "
                + "nextToken=" + nextToken + ", "
                + "scanDirection=" + scanDirectionAsString + ", "
                + "sortOrder=" + sortOrderAsString + ", "
                + "startPosition=" + startPosition + ", "
                + "connectionToken=" + Redaction.secret(connectionToken) + "]";
    }

    /** Builds a {@link GetTranscriptRequest}; setters are named after the members. */
    public static final class Builder {
        private String contactId;
        private Integer maxResults;
        private String nextToken;
        private String scanDirection;
        private String sortOrder;
        private StartPosition startPosition;
        private String connectionToken;

        private Builder() {
        }

        private Builder(GetTranscriptRequest from) {
            this.contactId = from.contactId;
            this.maxResults = from.maxResults;
            this.nextToken = from.nextToken;
            this.scanDirection = from.scanDirectionAsString;
            this.sortOrder = from.sortOrderAsString;
            this.startPosition = from.startPosition;
            this.connectionToken = from.connectionToken;
        }

        /**
         * @param contactId A past contact of a persistent chat to read; the current one when absent.
         * @return this builder
         */
        public Builder contactId(String contactId) {
            this.contactId = contactId;
            return this;
        }

        /**
         * @param maxResults The page size, 0 to 100 (service default 10).
         * @return this builder
         */
        public Builder maxResults(Integer maxResults) {
            this.maxResults = maxResults;
            return this;
        }

        /**
         * @param nextToken The token of the page to read, from the previous response.
         * @return this builder
         */
        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        /**
         * @param scanDirection The direction to read in (default BACKWARD without a start position, FORWARD with one).
         * @return this builder
         */
        public Builder scanDirection(ScanDirection scanDirection) {
            this.scanDirection = scanDirection == null ? null : scanDirection.toString();
            return this;
        }

        /**
         * @param scanDirection The direction to read in (default BACKWARD without a start position, FORWARD with one), as its raw string.
         * @return this builder
         */
        public Builder scanDirection(String scanDirection) {
            this.scanDirection = scanDirection;
            return this;
        }

        /**
         * @param sortOrder The order of the items in a page (default DESCENDING).
         * @return this builder
         */
        public Builder sortOrder(SortKey sortOrder) {
            this.sortOrder = sortOrder == null ? null : sortOrder.toString();
            return this;
        }

        /**
         * @param sortOrder The order of the items in a page (default DESCENDING), as its raw string.
         * @return this builder
         */
        public Builder sortOrder(String sortOrder) {
            this.sortOrder = sortOrder;
            return this;
        }

        /**
         * @param startPosition Where to start reading.
         * @return this builder
         */
        public Builder startPosition(StartPosition startPosition) {
            this.startPosition = startPosition;
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

        /** @return a new {@link GetTranscriptRequest} with the values set so far */
        public GetTranscriptRequest build() {
            return new GetTranscriptRequest(contactId, maxResults, nextToken, scanDirection, sortOrder, startPosition, connectionToken);
        }
    }
}
