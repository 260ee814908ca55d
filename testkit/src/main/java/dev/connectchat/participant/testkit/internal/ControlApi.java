package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.testkit.EmulatedChat;

import java.io.IOException;
import java.util.Map;

/**
 * An HTTP control API under {@code /_emulator/}, for an emulator run as a separate process or container,
 * where the in-process API cannot be reached:
 * <ul>
 *   <li>{@code PUT /_emulator/endpoint} {@code {"Endpoint":"http://host:port"}} sets the address the URLs it
 *       hands out are built from (a container's mapped address; served by {@link EmulatorServer})</li>
 *   <li>{@code POST /_emulator/chats} {@code {"DisplayName":"Jane"}} starts a chat, answers
 *       {@code {"ContactId","ParticipantToken"}}</li>
 *   <li>{@code POST /_emulator/chats/{contactId}/agent/message} {@code {"Content":"Hi","ContentType":"text/plain"}}</li>
 *   <li>{@code POST /_emulator/chats/{contactId}/agent/join}, {@code .../agent/leave}, {@code .../agent/typing}</li>
 *   <li>{@code POST /_emulator/chats/{contactId}/transfer} {@code {"Succeeded":true}}, {@code .../end}</li>
 *   <li>{@code GET /_emulator/chats/{contactId}/transcript}</li>
 *   <li>{@code POST /_emulator/faults/drop-websockets}, {@code .../close-websockets},
 *       {@code .../throttle} {@code {"Count":3}}, {@code .../fail} {@code {"Count":2,"Status":503}},
 *       {@code .../expire-tokens}, {@code .../expire-urls}, {@code .../clear}</li>
 * </ul>
 */
final class ControlApi {
    private final EmulatorState state;

    ControlApi(EmulatorState state) {
        this.state = state;
    }

    Answer handle(String method, String path, byte[] body) {
        JsonNode json = parse(body);
        String[] p = path.substring("/_emulator/".length()).split("/");
        if (p[0].equals("chats") && p.length == 1 && method.equals("POST")) {
            EmulatedChat chat;
            try {
                chat = state.startChat(json.path("DisplayName").asText("Customer"));
            } catch (IllegalStateException full) {
                throw ServiceError.quota(full.getMessage());
            }
            return Answer.json(Map.of("ContactId", chat.contactId(), "ParticipantToken", chat.participantToken()));
        }
        if (p[0].equals("chats") && p.length >= 3) {
            ChatRoom room = state.room(p[1]);
            if (room == null) {
                throw ServiceError.notFound("No chat " + p[1]);
            }
            String action = String.join("/", java.util.Arrays.copyOfRange(p, 2, p.length));
            switch (action) {
                case "transcript":
                    return Answer.json(Map.of("Transcript", room.transcript()));
                case "agent/message":
                    return item(room.agent().sendMessage(json.path("ContentType").asText("text/plain"),
                            json.path("Content").asText()));
                case "agent/join":
                    return item(room.agent().join());
                case "agent/leave":
                    return item(room.agent().leave());
                case "agent/typing":
                    return item(room.agent().sendEvent(ChatRoom.EVENT + "typing"));
                case "transfer":
                    return item(room.transfer(json.path("Succeeded").asBoolean(true)));
                case "end":
                    return item(room.end());
                default:
                    break;
            }
        }
        if (p[0].equals("faults") && p.length == 2 && method.equals("POST")) {
            var faults = state.faults();
            switch (p[1]) {
                case "drop-websockets" -> faults.dropWebSockets();
                case "close-websockets" -> faults.closeWebSockets();
                case "throttle" -> faults.throttleNext(json.path("Count").asInt(1));
                case "fail" -> faults.failNext(json.path("Count").asInt(1), json.path("Status").asInt(500));
                case "expire-tokens" -> faults.expireConnectionTokens();
                case "expire-urls" -> faults.expireWebSocketUrls();
                case "clear" -> faults.clear();
                default -> throw ServiceError.notFound("No fault " + p[1]);
            }
            return Answer.json(Map.of());
        }
        throw ServiceError.notFound("No control at " + method + " " + path);
    }

    private static Answer item(Item item) {
        return Answer.json(item);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? EmulatorJson.object() : EmulatorJson.tree(body);
        } catch (IOException e) {
            throw ServiceError.validation("The body is not JSON");
        }
    }
}
