package dev.connectchat.participant.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectchat.participant.testkit.EmulatedChat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Amazon Connect's own StartChatContact ({@code PUT /contact/chat}), as the AWS SDK's {@code connect} client sends
 * and reads it, so that a bridge's test starts its chats the way it does in production and gets a participant
 * token that works with the participant API. SigV4 is accepted and not verified; the instance and flow are not
 * checked against anything but their presence and lengths (1..100 and 1..500 characters, as the admin model says).
 */
final class ConnectAdminApi {
    private final EmulatorState state;

    ConnectAdminApi(EmulatorState state) {
        this.state = state;
    }

    Answer startChatContact(byte[] body) {
        JsonNode request;
        try {
            request = EmulatorJson.tree(body.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : body);
        } catch (IOException e) {
            throw new ServiceError(400, "InvalidRequestException", "The body is not JSON");
        }
        if (request == null || !request.isObject()) {
            throw new ServiceError(400, "InvalidRequestException", "The body must be a JSON object");
        }
        required(request, "InstanceId", 100);
        required(request, "ContactFlowId", 500);
        JsonNode details = request.path("ParticipantDetails");
        if (!details.path("DisplayName").isTextual() || details.path("DisplayName").asText().isEmpty()
                || details.path("DisplayName").asText().length() > 256) {
            throw new ServiceError(400, "InvalidParameterException", "ParticipantDetails.DisplayName is required (1..256 characters)");
        }
        EmulatedChat chat;
        try {
            chat = state.startChat(details.get("DisplayName").asText());
        } catch (IllegalStateException full) {
            throw new ServiceError(429, "LimitExceededException", full.getMessage());
        }
        JsonNode initial = request.path("InitialMessage");
        if (initial.isObject() && initial.path("Content").isTextual()) {
            ChatRoom room = state.room(chat.contactId());
            room.add(room.message(room.customer, initial.path("ContentType").asText("text/plain"),
                    initial.get("Content").asText()), true);
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("ContactId", chat.contactId());
        answer.put("ParticipantId", chat.customerParticipantId());
        answer.put("ParticipantToken", chat.participantToken());
        return Answer.json(answer);
    }

    private static void required(JsonNode request, String member, int max) {
        JsonNode value = request.get(member);
        if (value == null || !value.isTextual() || value.asText().isEmpty() || value.asText().length() > max) {
            throw new ServiceError(400, "InvalidParameterException", member + " is required (1.." + max + " characters)");
        }
    }
}
