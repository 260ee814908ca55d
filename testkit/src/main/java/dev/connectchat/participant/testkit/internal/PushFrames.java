package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectchat.participant.model.AttachmentItem;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.Receipt;


/**
 * The {@code aws/chat} frames the service pushes: {@code content} (the item's JSON as a string),
 * {@code contentType} and {@code topic}, in that order; the item's members in the order captured from the
 * service, with {@code InitialContactId} and {@code ContactId}, which GetTranscript items lack.
 */
final class PushFrames {
    static final String SUBSCRIBED =
            "{\"topic\":\"aws/subscribe\",\"content\":{\"status\":\"success\",\"topics\":[\"aws/chat\"]}}";
    static final String SUBSCRIBE_FAILED =
            "{\"topic\":\"aws/subscribe\",\"content\":{\"status\":\"failure\",\"topics\":[]}}";
    static final String HEARTBEAT = "{\"topic\":\"aws/heartbeat\"}";
    static final String PING = "{\"topic\":\"aws/ping\",\"statusCode\":200,\"statusContent\":\"OK\"}";

    private PushFrames() {
    }

    static String frame(Item item, String contactId) {
        ObjectNode frame = EmulatorJson.object();
        frame.put("content", itemJson(item, contactId));
        frame.put("contentType", "application/json");
        frame.put("topic", "aws/chat");
        return write(frame);
    }

    static String gatewayError(String message) {
        return "{\"message\": \"" + message + "\", \"connectionId\":\"" + ItemIds.token("", 11)
                + "\", \"requestId\":\"" + ItemIds.token("", 11) + "\"}";
    }

    private static String itemJson(Item item, String contactId) {
        ObjectNode node = EmulatorJson.object();
        node.put("AbsoluteTime", EmulatorJson.timestamp(item.absoluteTime()));
        if (!item.attachments().isEmpty()) {
            var list = node.putArray("Attachments");
            for (AttachmentItem a : item.attachments()) {
                list.addObject().put("ContentType", a.contentType()).put("AttachmentId", a.attachmentId())
                        .put("AttachmentName", a.attachmentName()).put("Status", a.statusAsString());
            }
        }
        putIfPresent(node, "Content", item.content());
        putIfPresent(node, "ContentType", item.contentType());
        node.put("Id", item.id());
        node.put("Type", item.typeAsString());
        boolean receipt = "MESSAGEMETADATA".equals(item.typeAsString());
        if (!receipt && item.participantId() != null) {
            node.put("ParticipantId", item.participantId());
            node.put("DisplayName", item.displayName());
            node.put("ParticipantRole", item.participantRoleAsString());
        }
        if (item.messageMetadata() != null) {
            ObjectNode meta = node.putObject("MessageMetadata");
            putIfPresent(meta, "MessageId", item.messageMetadata().messageId());
            if (item.messageMetadata().chunkNumber() != null) {
                meta.put("ChunkNumber", item.messageMetadata().chunkNumber());
                meta.put("MessageCompleted", Boolean.TRUE.equals(item.messageMetadata().messageCompleted()));
            }
            var receipts = meta.putArray("Receipts");
            for (Receipt r : item.messageMetadata().receipts()) {
                ObjectNode entry = receipts.addObject();
                if (r.deliveredTimestamp() != null) {
                    entry.put("DeliveredTimestamp", EmulatorJson.timestamp(r.deliveredTimestamp()));
                }
                if (r.readTimestamp() != null) {
                    entry.put("ReadTimestamp", EmulatorJson.timestamp(r.readTimestamp()));
                }
                entry.put("RecipientParticipantId", r.recipientParticipantId());
            }
        }
        // receipts are pushed without contact ids (as captured); everything else carries both, which the
        // browser client routes by
        if (!receipt) {
            node.put("InitialContactId", contactId);
            node.put("ContactId", contactId);
        }
        return write(node);
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String write(ObjectNode node) {
        return EmulatorJson.text(node);
    }
}
