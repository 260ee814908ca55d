package dev.connectchat.participant.websocket;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.connectchat.participant.model.AttachmentItem;
import dev.connectchat.participant.model.ContentTypes;
import dev.connectchat.participant.model.ParticipantRole;

import java.time.Instant;
import java.util.List;

/**
 * One item of a live chat, as {@link ChatSession#items()} emits it: a record per kind, so that a
 * {@code switch} or {@code instanceof} picks what to do. Every item carries its id, its time, and who sent
 * it (participant id, display name and role; {@code null} for items the service itself sends, such as
 * {@link ChatEnded} and receipts). Items the service adds later arrive as {@link UnknownItem}, never as an
 * error.
 */
public sealed interface ChatItem {

    /** @return the item id: an opaque string, unique in the chat */
    String id();

    /** @return when the service recorded the item */
    Instant time();

    /** @return the sender's participant id, or {@code null} */
    String participantId();

    /** @return the sender's display name, or {@code null} */
    String displayName();

    /**
     * @return the sender's role as the service sent it (kept also when this version does not know it), or
     *     {@code null}; in JSON (an item sent on as a server-sent event, say) it is the member {@code role}
     */
    @JsonProperty("role")
    String roleAsString();

    /**
     * @return the sender's role, {@link ParticipantRole#UNKNOWN_TO_SDK_VERSION} for one this version does not know
     *     (see {@link #roleAsString()}), or {@code null}
     */
    default ParticipantRole role() {
        return ParticipantRole.fromValue(roleAsString());
    }

    /**
     * The item's place in the chat, to read on from with {@link ChatSession#items(ChatPosition)}, to store, or to
     * send as an SSE event id. Items the transcript does not keep (typing, receipts) have one too: reading on
     * from it gives what the transcript has after the item's time.
     *
     * @return the position of this item; {@code null} when the service gave it no id or time
     */
    default ChatPosition position() {
        return id() == null || time() == null ? null : ChatPosition.of(id(), time());
    }

    /**
     * A message: {@code text/plain}, {@code text/markdown}, {@code application/json}, or an interactive message (ListPicker, TimePicker, ...) or its response; {@link #contentType()} tells which.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     * @param contentType the content type
     * @param content the content
     */
    record Message(String id, Instant time, String participantId, String displayName, String roleAsString, String contentType, String content) implements ChatItem {
        /**
         * @return the interactive message (list picker, time picker, panel, ...) this message carries, or
         *         {@code null} when it is not one; a template this version does not know comes as
         *         {@link dev.connectchat.participant.interactive.InteractiveMessage.Unknown}
         * @throws IllegalArgumentException when it says it is interactive but its content is not a template
         */
        public dev.connectchat.participant.interactive.InteractiveMessage interactive() {
            return ContentTypes.INTERACTIVE.equals(contentType)
                    ? dev.connectchat.participant.interactive.InteractiveMessage.parse(content) : null;
        }

        /** @return whether it is plain text */
        public boolean isPlainText() {
            return ContentTypes.TEXT_PLAIN.equals(contentType);
        }

        /** @return whether it is markdown */
        public boolean isMarkdown() {
            return ContentTypes.TEXT_MARKDOWN.equals(contentType);
        }

        /** @return whether it is JSON */
        public boolean isJson() {
            return ContentTypes.APPLICATION_JSON.equals(contentType);
        }

        /** @return whether it is an interactive message or an interactive response */
        public boolean isInteractive() {
            return contentType != null && contentType.startsWith(ContentTypes.INTERACTIVE);
        }
    }

    /**
     * One or more attachments, with their scan status.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     * @param attachments the attachments
     */
    record Attachment(String id, Instant time, String participantId, String displayName, String roleAsString, List<AttachmentItem> attachments) implements ChatItem {
    }

    /**
     * The participant is typing.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record Typing(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * A message was read (which implies delivered).
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     * @param messageId the message the receipt is about
     * @param readTime when it was read
     */
    record ReadReceipt(String id, Instant time, String participantId, String displayName, String roleAsString, String messageId, Instant readTime) implements ChatItem {
    }

    /**
     * A message was delivered.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     * @param messageId the message the receipt is about
     * @param deliveredTime when it was delivered
     */
    record DeliveredReceipt(String id, Instant time, String participantId, String displayName, String roleAsString, String messageId, Instant deliveredTime) implements ChatItem {
    }

    /**
     * A participant joined.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record ParticipantJoined(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * A participant left.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record ParticipantLeft(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * A participant went idle.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record ParticipantIdle(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * An idle participant returned.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record ParticipantReturned(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * A participant became active.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record ParticipantActive(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * A participant became inactive.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record ParticipantInactive(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * A participant engaged.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record ParticipantEngaged(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * A participant disengaged.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record ParticipantDisengaged(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * The contact was transferred.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record TransferSucceeded(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * A transfer of the contact failed.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record TransferFailed(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * The chat ended: the last item of {@link ChatSession#items()}.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record ChatEnded(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * A participant acknowledged its connection (deprecated by the service).
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     */
    record ConnectionAcknowledged(String id, Instant time, String participantId, String displayName, String roleAsString) implements ChatItem {
    }

    /**
     * An item this library does not know (yet): {@link #json()} keeps it whole.
     *
     * @param id the item id
     * @param time when the service recorded it
     * @param participantId the sender, or {@code null}
     * @param displayName the sender's display name, or {@code null}
     * @param roleAsString the sender's role as the service sent it, or {@code null}; {@link #role()} gives the constant
     * @param type the raw item type
     * @param contentType the content type
     * @param json the whole item as JSON
     */
    record UnknownItem(String id, Instant time, String participantId, String displayName, String roleAsString, String type, String contentType, String json) implements ChatItem {
    }

    /**
     * Not an item of the transcript: the session's word that items may be missing at this point. After a
     * reconnect the session reads what it missed from the transcript; when that read fails, takes too long
     * ({@link ChatSessionOptions#gapFillTimeout()}) or is longer than {@link ChatSessionOptions#gapFillMaxPages()}
     * pages, live delivery goes on and this item marks the place, never silently. Items after it are again
     * exactly once and in order; {@link dev.connectchat.participant.ParticipantClient#transcript} can read what
     * lies between {@link #afterId()} and the next item.
     *
     * @param time when the session gave up filling the gap
     * @param afterId the id of the last item delivered before the gap, or {@code null} when none was
     * @param afterTime the time of that item, or the session's start
     * @param reason why the gap could not be filled
     */
    record TranscriptGap(Instant time, String afterId, Instant afterTime, String reason) implements ChatItem {
        /** @return the position of the last item before the gap ({@link ChatPosition#START} when none was) */
        @Override
        public ChatPosition position() {
            return afterId == null ? ChatPosition.START : ChatPosition.of(afterId, afterTime);
        }

        /** @return {@code null}: a gap has no id */
        @Override
        public String id() {
            return null;
        }

        /** @return {@code null} */
        @Override
        public String participantId() {
            return null;
        }

        /** @return {@code null} */
        @Override
        public String displayName() {
            return null;
        }

        /** @return {@code null} */
        @Override
        public String roleAsString() {
            return null;
        }
    }
}
