package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * The emulator's console: one HTML page (with its script, no build step) served from the testkit jar at
 * {@code /_emulator/console}, which plays the agent and the faults through the control API, and the chat list it
 * reads.
 */
final class Console {
    private static final byte[] PAGE = read("console.html");

    private Console() {
    }

    static Answer page() {
        return Answer.bytes(200, "text/html; charset=utf-8", PAGE);
    }

    static ObjectNode chats(Collection<ChatRoom> rooms) {
        ObjectNode answer = EmulatorJson.object();
        ArrayNode list = answer.putArray("Chats");
        for (ChatRoom room : rooms) {
            ObjectNode chat = list.addObject().put("ContactId", room.contactId).put("Ended", room.ended())
                    .put("OpenWebSockets", room.openWebSockets()).put("Items", room.transcript().size());
            ArrayNode people = chat.putArray("Participants");
            for (Participant p : List.of(room.customer, room.agent)) {
                people.addObject().put("ParticipantId", p.id).put("DisplayName", p.displayName)
                        .put("Role", p.role.toString()).put("Joined", p.joined).put("Left", p.left);
            }
        }
        return answer;
    }

    static byte[] base64(String data) {
        try {
            return Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw ServiceError.validation("Data must be base64: " + e.getMessage());
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = Console.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the testkit jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
