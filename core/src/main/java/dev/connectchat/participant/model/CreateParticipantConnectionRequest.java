package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Lists;
import dev.connectchat.participant.internal.Redaction;

import java.util.List;

/**
 * Input of CreateParticipantConnection: exchanges the participant token for a WebSocket URL and a connection token.
 * <p>The token travels in the {@code X-Amz-Bearer} header, never in the body, and {@code toString} redacts it.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param typeAsStrings The kinds of connection wanted (optional in the newest model; at least one when given), as
 *     raw strings; {@link #type()} gives the constants.
 * @param participantToken The participant token from StartChatContact, sent in the {@code X-Amz-Bearer} header.
 * @param connectParticipant Whether to mark the participant as connected (replaces the deprecated connection-acknowledged event).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateParticipantConnectionRequest(
    @JsonProperty("Type") List<String> typeAsStrings,
    @JsonIgnore String participantToken,
    @JsonProperty("ConnectParticipant") Boolean connectParticipant) {

    /** Copies the collections, so that the record stays immutable. */
    public CreateParticipantConnectionRequest {
        typeAsStrings = Lists.copyOfOrNull(typeAsStrings);
    }

    /**
     * @return the kinds of connection wanted, {@link ConnectionType#UNKNOWN_TO_SDK_VERSION} for a value this version
     *     does not know (the raw values are in {@link #typeAsStrings()}), {@code null} when absent
     */
    public List<ConnectionType> type() {
        return typeAsStrings == null ? null : typeAsStrings.stream().map(ConnectionType::fromValue).toList();
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
        return "CreateParticipantConnectionRequest[" + "type=" + typeAsStrings + ", "
                + "participantToken=" + Redaction.secret(participantToken) + ", "
                + "connectParticipant=" + connectParticipant + "]";
    }

    /** Builds a {@link CreateParticipantConnectionRequest}; setters are named after the members. */
    public static final class Builder {
        private List<String> type;
        private String participantToken;
        private Boolean connectParticipant;

        private Builder() {
        }

        private Builder(CreateParticipantConnectionRequest from) {
            this.type = from.typeAsStrings;
            this.participantToken = from.participantToken;
            this.connectParticipant = from.connectParticipant;
        }

        /**
         * @param type The kinds of connection wanted (optional in the newest model; at least one when given).
         * @return this builder
         */
        public Builder type(List<ConnectionType> type) {
            this.type = type == null ? null : type.stream().map(t -> t == null ? null : t.toString()).toList();
            return this;
        }

        /**
         * @param type The kinds of connection wanted (optional in the newest model; at least one when given).
         * @return this builder
         */
        public Builder type(ConnectionType... type) {
            this.type = type == null ? null : type(Lists.of(type)).type;
            return this;
        }

        /**
         * @param type The kinds of connection wanted, as raw strings.
         * @return this builder
         */
        public Builder typeAsStrings(List<String> type) {
            this.type = type;
            return this;
        }

        /**
         * @param participantToken The participant token from StartChatContact, sent in the {@code X-Amz-Bearer} header.
         * @return this builder
         */
        public Builder participantToken(String participantToken) {
            this.participantToken = participantToken;
            return this;
        }

        /**
         * @param connectParticipant Whether to mark the participant as connected (replaces the deprecated connection-acknowledged event).
         * @return this builder
         */
        public Builder connectParticipant(Boolean connectParticipant) {
            this.connectParticipant = connectParticipant;
            return this;
        }

        /** @return a new {@link CreateParticipantConnectionRequest} with the values set so far */
        public CreateParticipantConnectionRequest build() {
            return new CreateParticipantConnectionRequest(type, participantToken, connectParticipant);
        }
    }
}
