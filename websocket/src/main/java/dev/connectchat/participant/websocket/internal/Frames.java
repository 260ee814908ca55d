package dev.connectchat.participant.websocket.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.connectchat.participant.spi.ServiceJson;
import dev.connectchat.participant.model.Item;

import java.io.IOException;

/**
 * Reads the frames of the chat socket: subscription answers, heartbeat echoes and chat items. A frame that
 * is not JSON, has no topic, or carries no item (its content absent, {@code null} or not an item) reads as
 * {@link Frame#OTHER}: ignored, never a reason to drop the socket.
 */
final class Frames {
    /** Made up front: Jackson builds a deserializer at first use under a lock an event loop would wait on. */
    private static final ObjectReader ITEM = ServiceJson.reader(Item.class);

    private Frames() {
    }

    /** What one frame says. */
    enum Kind { SUBSCRIBED, REFUSED, HEARTBEAT, CHAT, OTHER }

    /**
     * @param kind what the frame is
     * @param item the item of a {@link Kind#CHAT} frame
     * @param note for the log, what an ignored frame was
     */
    record Frame(Kind kind, Item item, String note) {
        static final Frame OTHER = new Frame(Kind.OTHER, null, null);
    }

    static Frame read(String text) {
        JsonNode frame;
        try {
            frame = ServiceJson.tree().readTree(text);
        } catch (IOException e) {
            return new Frame(Kind.OTHER, null, "a frame that is not JSON");
        }
        if (frame == null || !frame.isObject()) {
            return new Frame(Kind.OTHER, null, "a frame that is not a JSON object");
        }
        String topic = frame.path("topic").asText(null);
        if (topic == null) {
            // a gateway error: {"message": "Forbidden", "connectionId": ..., "requestId": ...}
            return new Frame(Kind.OTHER, null, "a gateway error frame: " + frame.path("message").asText());
        }
        return switch (topic) {
            case "aws/subscribe" -> "success".equals(frame.path("content").path("status").asText())
                    ? new Frame(Kind.SUBSCRIBED, null, null) : new Frame(Kind.REFUSED, null, null);
            case "aws/heartbeat" -> new Frame(Kind.HEARTBEAT, null, null);
            case "aws/chat" -> chat(frame.path("content"));
            default -> new Frame(Kind.OTHER, null, "topic " + topic);
        };
    }

    private static Frame chat(JsonNode content) {
        Item item;
        try {
            if (content.isTextual()) {
                item = ITEM.readValue(content.asText());
            } else if (content.isObject()) {
                item = ITEM.readValue(content);
            } else {
                item = null;
            }
        } catch (IOException | RuntimeException e) {
            return new Frame(Kind.OTHER, null, "a chat frame that is not an item (" + e.getClass().getSimpleName() + ")");
        }
        return item == null ? new Frame(Kind.OTHER, null, "a chat frame without an item")
                : new Frame(Kind.CHAT, item, null);
    }
}
