package dev.connectchat.participant.websocket.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
    /**
     * For an item sent as an object rather than as text (not seen from the service). Made up front: Jackson builds a
     * deserializer at first use under a lock an event loop would wait on.
     */
    private static final ObjectReader ITEM = ServiceJson.reader(Item.class);

    /** Reads an object member as a tree: the rest of the frame follows it. */
    private static final ObjectReader MEMBER_TREE =
            ServiceJson.tree().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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

    /**
     * Reads the frame token by token (the members the session needs, the rest skipped), not as a tree: it is read
     * for every item of every session, and the tree cost more than the item inside it in the fan-in profile.
     */
    static Frame read(String text) {
        String topic = null;
        String contentText = null;
        JsonNode contentTree = null;
        String message = null;
        try (JsonParser p = ServiceJson.tree().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Frame(Kind.OTHER, null, "a frame that is not a JSON object");
            }
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "topic" -> topic = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "content" -> {
                        contentText = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        contentTree = value == JsonToken.START_OBJECT ? MEMBER_TREE.readTree(p) : null;
                        if (value == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        }
                    }
                    case "message" -> message = value.isScalarValue() ? p.getValueAsString() : skip(p);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return new Frame(Kind.OTHER, null, "a frame that is not JSON");
            }
        } catch (IOException e) {
            return new Frame(Kind.OTHER, null, "a frame that is not JSON");
        }
        if (topic == null) {
            // a gateway error: {"message": "Forbidden", "connectionId": ..., "requestId": ...}
            return new Frame(Kind.OTHER, null, "a gateway error frame: " + (message == null ? "" : message));
        }
        return switch (topic) {
            case "aws/subscribe" -> contentTree != null && "success".equals(contentTree.path("status").asText())
                    ? new Frame(Kind.SUBSCRIBED, null, null) : new Frame(Kind.REFUSED, null, null);
            case "aws/heartbeat" -> new Frame(Kind.HEARTBEAT, null, null);
            case "aws/chat" -> chat(contentText, contentTree);
            default -> new Frame(Kind.OTHER, null, "topic " + topic);
        };
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static Frame chat(String contentText, JsonNode contentTree) {
        Item item;
        try {
            if (contentText != null) {
                item = ServiceJson.item(contentText);
            } else if (contentTree != null) {
                item = ITEM.readValue(contentTree);
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
