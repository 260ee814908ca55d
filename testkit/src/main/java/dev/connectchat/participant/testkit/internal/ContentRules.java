package dev.connectchat.participant.testkit.internal;

import java.util.List;
import java.util.Map;

/**
 * What the service documents for content beyond the model's length traits (in the model's documentation of
 * {@code SendMessageRequest.Content} and {@code SendEventRequest.ContentType}): the content types each
 * operation takes and, for messages, the longest content of each type, in characters.
 */
final class ContentRules {
    private static final Map<String, Integer> MESSAGE_LIMITS = Map.of(
            "text/plain", 1024,
            "text/markdown", 1024,
            "application/json", 12000,
            "application/vnd.amazonaws.connect.message.interactive.response", 12288);

    private static final List<String> EVENTS = List.of("typing", "message.read", "message.delivered",
            "connection.acknowledged");

    private ContentRules() {
    }

    static void message(String contentType, String content) {
        Integer limit = MESSAGE_LIMITS.get(contentType);
        if (limit == null) {
            throw ServiceError.validation("1 validation error detected: Value '" + contentType + "' at 'ContentType' "
                    + "failed to satisfy constraint: Member must be one of " + MESSAGE_LIMITS.keySet().stream().sorted().toList());
        }
        int length = content.codePointCount(0, content.length());
        if (length > limit) {
            throw ServiceError.validation("1 validation error detected: Value at 'Content' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + limit + " for " + contentType);
        }
    }

    /** @return the event's name after the common prefix, e.g. {@code typing} */
    static String event(String contentType) {
        String name = contentType.startsWith(ChatRoom.EVENT) ? contentType.substring(ChatRoom.EVENT.length()) : "";
        if (!EVENTS.contains(name)) {
            throw ServiceError.validation("1 validation error detected: Value '" + contentType + "' at 'ContentType' "
                    + "failed to satisfy constraint: Member must be one of " + EVENTS.stream().map(e -> ChatRoom.EVENT + e).toList());
        }
        return name;
    }
}
