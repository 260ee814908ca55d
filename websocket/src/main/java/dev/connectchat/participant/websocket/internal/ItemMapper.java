package dev.connectchat.participant.websocket.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectchat.participant.spi.ServiceJson;
import dev.connectchat.participant.model.ContentTypes;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.MessageMetadata;
import dev.connectchat.participant.model.Receipt;
import dev.connectchat.participant.websocket.ChatItem;

import java.io.IOException;
import java.time.Instant;

/**
 * Turns a transcript or pushed {@link Item} into the {@link ChatItem} of its kind. The kind is read from the
 * item's {@code Type} and, for events, from its content type; anything unknown becomes a
 * {@link ChatItem.UnknownItem} that keeps the item's JSON.
 */
final class ItemMapper {
    static final String EVENT = ContentTypes.EVENT_PREFIX;

    private ItemMapper() {
    }

    static ChatItem map(Item item) {
        String type = item.typeAsString() == null ? "" : item.typeAsString();
        String contentType = item.contentType() == null ? "" : item.contentType();
        String event = contentType.startsWith(EVENT) ? contentType.substring(EVENT.length()) : null;
        switch (type) {
            case "MESSAGE":
                return new ChatItem.Message(item.id(), item.absoluteTime(), item.participantId(), item.displayName(),
                        item.participantRoleAsString(), item.contentType(), item.content());
            case "ATTACHMENT":
                return new ChatItem.Attachment(item.id(), item.absoluteTime(), item.participantId(),
                        item.displayName(), item.participantRoleAsString(), item.attachments());
            case "MESSAGEMETADATA":
                return receipt(item, item.messageMetadata() == null ? null : item.messageMetadata().messageId());
            case "TYPING":
                return event(item, "typing");
            case "PARTICIPANT_JOINED":
                return event(item, "participant.joined");
            case "PARTICIPANT_LEFT":
                return event(item, "participant.left");
            case "PARTICIPANT_ACTIVE":
                return event(item, "participant.active");
            case "PARTICIPANT_INACTIVE":
                return event(item, "participant.inactive");
            case "PARTICIPANT_ENGAGED":
                return event(item, "participant.engaged");
            case "PARTICIPANT_DISENGAGED":
                return event(item, "participant.disengaged");
            case "TRANSFER_SUCCEEDED":
                return event(item, "transfer.succeeded");
            case "TRANSFER_FAILED":
                return event(item, "transfer.failed");
            case "CHAT_ENDED":
                return event(item, "chat.ended");
            case "CONNECTION_ACK":
                return event(item, "connection.acknowledged");
            case "MESSAGE_READ":
                return event(item, "message.read");
            case "MESSAGE_DELIVERED":
                return event(item, "message.delivered");
            default:
                return event == null ? unknown(item) : event(item, event);
        }
    }

    private static ChatItem event(Item i, String name) {
        switch (name) {
            case "typing":
                return new ChatItem.Typing(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "participant.joined":
                return new ChatItem.ParticipantJoined(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "participant.left":
                return new ChatItem.ParticipantLeft(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "participant.idle":
                return new ChatItem.ParticipantIdle(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "participant.returned":
                return new ChatItem.ParticipantReturned(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "participant.active":
                return new ChatItem.ParticipantActive(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "participant.inactive":
                return new ChatItem.ParticipantInactive(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "participant.engaged":
                return new ChatItem.ParticipantEngaged(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "participant.disengaged":
                return new ChatItem.ParticipantDisengaged(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "transfer.succeeded":
                return new ChatItem.TransferSucceeded(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "transfer.failed":
                return new ChatItem.TransferFailed(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "chat.ended":
                return new ChatItem.ChatEnded(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "connection.acknowledged":
                return new ChatItem.ConnectionAcknowledged(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString());
            case "message.read":
            case "message.delivered":
            case "message.metadata":
                return receipt(i, messageIdOf(i));
            default:
                return unknown(i);
        }
    }

    /** One item may hold both timestamps: a read receipt, since reading implies delivery. */
    private static ChatItem receipt(Item i, String messageId) {
        MessageMetadata meta = i.messageMetadata();
        Receipt receipt = meta == null || meta.receipts().isEmpty() ? null : meta.receipts().get(0);
        String id = messageId != null ? messageId : meta == null ? null : meta.messageId();
        String recipient = receipt == null ? i.participantId() : receipt.recipientParticipantId();
        boolean read = receipt != null ? receipt.readTimestamp() != null
                : i.contentType() != null && i.contentType().endsWith("message.read");
        if (read) {
            Instant at = receipt == null ? i.absoluteTime() : receipt.readTimestamp();
            return new ChatItem.ReadReceipt(i.id(), i.absoluteTime(), recipient, i.displayName(), i.participantRoleAsString(), id, at);
        }
        Instant at = receipt == null || receipt.deliveredTimestamp() == null ? i.absoluteTime() : receipt.deliveredTimestamp();
        return new ChatItem.DeliveredReceipt(i.id(), i.absoluteTime(), recipient, i.displayName(), i.participantRoleAsString(), id, at);
    }

    private static String messageIdOf(Item i) {
        if (i.content() == null) {
            return null;
        }
        try {
            JsonNode id = ServiceJson.tree().readTree(i.content()).get("messageId");
            return id == null ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static ChatItem unknown(Item i) {
        String json;
        try {
            json = ServiceJson.writer().writeValueAsString(i);
        } catch (IOException e) {
            json = "{}";
        }
        return new ChatItem.UnknownItem(i.id(), i.absoluteTime(), i.participantId(), i.displayName(), i.participantRoleAsString(),
                i.typeAsString(), i.contentType(), json);
    }

    /** @return whether the service keeps the item in the transcript (typing and receipts it only pushes) */
    static boolean persisted(ChatItem item) {
        return !(item instanceof ChatItem.Typing || item instanceof ChatItem.ReadReceipt
                || item instanceof ChatItem.DeliveredReceipt || item instanceof ChatItem.ConnectionAcknowledged);
    }
}
