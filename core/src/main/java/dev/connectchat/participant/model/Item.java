package dev.connectchat.participant.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectchat.participant.internal.Lists;

import java.time.Instant;
import java.util.List;

/**
 * One item of a chat transcript: a message, an event or an attachment.
 *
 * <p>Immutable; build one with {@link #builder()}, copy and change one with {@link #toBuilder()}.
 *
 * @param absoluteTime When the item was recorded (millisecond precision).
 * @param content The content of a message or event.
 * @param contentType The content type of the item.
 * @param id The item id: an opaque string.
 * @param typeAsString The kind of item. Raw string, kept as sent; {@link #type()} gives the constant.
 * @param participantId The participant who sent the item.
 * @param displayName The sender's display name.
 * @param participantRoleAsString The sender's role. Raw string, kept as sent; {@link #participantRole()} gives the constant.
 * @param attachments The attachments of an ATTACHMENT item (empty otherwise).
 * @param messageMetadata Receipts and processing status of a message.
 * @param relatedContactId The related contact of a persistent chat.
 * @param contactId The contact the item belongs to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Item(
    @JsonProperty("AbsoluteTime") Instant absoluteTime,
    @JsonProperty("Content") String content,
    @JsonProperty("ContentType") String contentType,
    @JsonProperty("Id") String id,
    @JsonProperty("Type") String typeAsString,
    @JsonProperty("ParticipantId") String participantId,
    @JsonProperty("DisplayName") String displayName,
    @JsonProperty("ParticipantRole") String participantRoleAsString,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("Attachments") List<AttachmentItem> attachments,
    @JsonProperty("MessageMetadata") MessageMetadata messageMetadata,
    @JsonProperty("RelatedContactId") String relatedContactId,
    @JsonProperty("ContactId") String contactId) {

    /** Copies the collections, so that the record stays immutable. */
    public Item {
        attachments = Lists.copyOf(attachments);
    }

    /**
     * @return the kind of item: {@link ChatItemType#UNKNOWN_TO_SDK_VERSION} for a value this version does not
     *     know (the raw value is in {@link #typeAsString()}), {@code null} when absent
     */
    public ChatItemType type() {
        return ChatItemType.fromValue(typeAsString);
    }

    /**
     * @return the sender's role: {@link ParticipantRole#UNKNOWN_TO_SDK_VERSION} for a value this version does not
     *     know (the raw value is in {@link #participantRoleAsString()}), {@code null} when absent
     */
    public ParticipantRole participantRole() {
        return ParticipantRole.fromValue(participantRoleAsString);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link Item}; setters are named after the members. */
    public static final class Builder {
        private Instant absoluteTime;
        private String content;
        private String contentType;
        private String id;
        private String type;
        private String participantId;
        private String displayName;
        private String participantRole;
        private List<AttachmentItem> attachments;
        private MessageMetadata messageMetadata;
        private String relatedContactId;
        private String contactId;

        private Builder() {
        }

        private Builder(Item from) {
            this.absoluteTime = from.absoluteTime;
            this.content = from.content;
            this.contentType = from.contentType;
            this.id = from.id;
            this.type = from.typeAsString;
            this.participantId = from.participantId;
            this.displayName = from.displayName;
            this.participantRole = from.participantRoleAsString;
            this.attachments = from.attachments;
            this.messageMetadata = from.messageMetadata;
            this.relatedContactId = from.relatedContactId;
            this.contactId = from.contactId;
        }

        /**
         * @param absoluteTime When the item was recorded (millisecond precision).
         * @return this builder
         */
        public Builder absoluteTime(Instant absoluteTime) {
            this.absoluteTime = absoluteTime;
            return this;
        }

        /**
         * @param content The content of a message or event.
         * @return this builder
         */
        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /**
         * @param contentType The content type of the item.
         * @return this builder
         */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        /**
         * @param id The item id: an opaque string.
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param type The kind of item.
         * @return this builder
         */
        public Builder type(ChatItemType type) {
            this.type = type == null ? null : type.toString();
            return this;
        }

        /**
         * @param type The kind of item, as its raw string.
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * @param participantId The participant who sent the item.
         * @return this builder
         */
        public Builder participantId(String participantId) {
            this.participantId = participantId;
            return this;
        }

        /**
         * @param displayName The sender's display name.
         * @return this builder
         */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /**
         * @param participantRole The sender's role.
         * @return this builder
         */
        public Builder participantRole(ParticipantRole participantRole) {
            this.participantRole = participantRole == null ? null : participantRole.toString();
            return this;
        }

        /**
         * @param participantRole The sender's role, as its raw string.
         * @return this builder
         */
        public Builder participantRole(String participantRole) {
            this.participantRole = participantRole;
            return this;
        }

        /**
         * @param attachments The attachments of an ATTACHMENT item (empty otherwise).
         * @return this builder
         */
        public Builder attachments(List<AttachmentItem> attachments) {
            this.attachments = attachments;
            return this;
        }

        /**
         * @param attachments The attachments of an ATTACHMENT item (empty otherwise).
         * @return this builder
         */
        public Builder attachments(AttachmentItem... attachments) {
            this.attachments = attachments == null ? null : Lists.of(attachments);
            return this;
        }

        /**
         * @param messageMetadata Receipts and processing status of a message.
         * @return this builder
         */
        public Builder messageMetadata(MessageMetadata messageMetadata) {
            this.messageMetadata = messageMetadata;
            return this;
        }

        /**
         * @param relatedContactId The related contact of a persistent chat.
         * @return this builder
         */
        public Builder relatedContactId(String relatedContactId) {
            this.relatedContactId = relatedContactId;
            return this;
        }

        /**
         * @param contactId The contact the item belongs to.
         * @return this builder
         */
        public Builder contactId(String contactId) {
            this.contactId = contactId;
            return this;
        }

        /** @return a new {@link Item} with the values set so far */
        public Item build() {
            return new Item(absoluteTime, content, contentType, id, type, participantId, displayName, participantRole, attachments, messageMetadata, relatedContactId, contactId);
        }
    }
}
