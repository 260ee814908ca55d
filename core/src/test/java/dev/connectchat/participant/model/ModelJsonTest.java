package dev.connectchat.participant.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectchat.participant.internal.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The models read the captured payloads in shared/samples, tolerate what the service adds, and stay immutable. */
class ModelJsonTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static JsonNode sample(String name) throws IOException {
        try (InputStream in = ModelJsonTest.class.getResourceAsStream("/samples/" + name)) {
            return PLAIN.readTree(in).get("example");
        }
    }

    private static Item itemOfFrame(String name) throws IOException {
        return Json.reader(Item.class).readValue(sample(name).get("content").asText());
    }

    @Test
    void readsAPushedTextMessage() throws IOException {
        Item item = itemOfFrame("ws-text-message-frame.json");
        assertThat(item.type()).isEqualTo(ChatItemType.MESSAGE);
        assertThat(item.content()).isEqualTo("Test");
        assertThat(item.contentType()).isEqualTo("text/plain");
        assertThat(item.participantRole()).isEqualTo(ParticipantRole.CUSTOMER);
        assertThat(item.absoluteTime()).isEqualTo(Instant.parse("2024-07-14T22:18:39.241Z"));
        assertThat(item.contactId()).isEqualTo("abcdefgh-abcd-abcd-abcd-abcdefghijkl");
        assertThat(item.attachments()).isEmpty();
    }

    @Test
    void readsAttachmentsAndReceipts() throws IOException {
        Item attachment = Json.reader(Item.class).readValue(sample("ws-attachment-item.json"));
        assertThat(attachment.type()).isEqualTo(ChatItemType.ATTACHMENT);
        assertThat(attachment.attachments()).singleElement().satisfies(a -> {
            assertThat(a.attachmentName()).isEqualTo("Screenshot 2025-05-24 at 2.42.48 PM.png");
            assertThat(a.status()).isEqualTo(ArtifactStatus.APPROVED);
        });
        Item receipt = itemOfFrame("ws-receipt-messagemetadata-frame.json");
        assertThat(receipt.type()).isEqualTo(ChatItemType.UNKNOWN_TO_SDK_VERSION);
        assertThat(receipt.typeAsString()).isEqualTo("MESSAGEMETADATA");
        assertThat(receipt.messageMetadata().messageId()).isEqualTo("message-id");
        assertThat(receipt.messageMetadata().receipts()).singleElement().satisfies(r -> {
            assertThat(r.readTimestamp()).isEqualTo(Instant.parse("2024-07-14T23:41:28.735Z"));
            assertThat(r.deliveredTimestamp()).isEqualTo(Instant.parse("2024-07-14T23:41:28.735Z"));
        });
        Item system = Json.reader(Item.class).readValue(sample("transcript-item-system-message.json"));
        assertThat(system.messageMetadata().receipts()).isEmpty();
        assertThat(system.participantRole()).isEqualTo(ParticipantRole.SYSTEM);
    }

    @Test
    void readsInteractiveAndEventItems() throws IOException {
        Item interactive = itemOfFrame("ws-interactive-listpicker-frame.json");
        assertThat(interactive.contentType()).isEqualTo("application/vnd.amazonaws.connect.message.interactive");
        assertThat(PLAIN.readTree(interactive.content()).get("templateType").asText()).isEqualTo("ListPicker");
        Item ended = Json.reader(Item.class).readValue(sample("transcript-item-chat-ended.json"));
        assertThat(ended.contentType()).isEqualTo("application/vnd.amazonaws.connect.event.chat.ended");
        assertThat(ended.participantId()).isNull();
        Item joined = Json.reader(Item.class).readValue(sample("transcript-item-participant-joined.json"));
        assertThat(joined.type()).isEqualTo(ChatItemType.EVENT);
    }

    /** What a user writes: the constants in a switch, the raw string kept for the ones this version lacks. */
    private static String describe(ParticipantRole role) {
        switch (role) {
            case AGENT:
                return "an agent";
            case CUSTOMER:
                return "the customer";
            case UNKNOWN_TO_SDK_VERSION:
                return "a role this version does not know";
            default:
                return role.toString();
        }
    }

    @Test
    void unknownEnumValuesAreParsedAndKeptAndSentBackUnchanged() throws IOException {
        Item item = Json.reader(Item.class).readValue("{\"Type\":\"SOMETHING_NEW\",\"ParticipantRole\":\"ROBOT\","
                + "\"Unknown\":{\"deep\":[1,2]}}");
        assertThat(item.type()).isEqualTo(ChatItemType.UNKNOWN_TO_SDK_VERSION);
        assertThat(item.typeAsString()).isEqualTo("SOMETHING_NEW");
        assertThat(item.participantRole()).isEqualTo(ParticipantRole.UNKNOWN_TO_SDK_VERSION);
        assertThat(item.participantRoleAsString()).isEqualTo("ROBOT");
        assertThat(Json.WRITER.writeValueAsString(item)).contains("\"Type\":\"SOMETHING_NEW\"");
        assertThat(Json.WRITER.writeValueAsString(item.toBuilder().build())).contains("\"ParticipantRole\":\"ROBOT\"");
        assertThat(ChatItemType.fromValue("MESSAGE")).isSameAs(ChatItemType.MESSAGE);
        assertThat(ChatItemType.fromValue("UNKNOWN_TO_SDK_VERSION")).isSameAs(ChatItemType.UNKNOWN_TO_SDK_VERSION);
        assertThat(ChatItemType.fromValue(null)).isNull();
        assertThat(ChatItemType.knownValues()).doesNotContain(ChatItemType.UNKNOWN_TO_SDK_VERSION);
        assertThat(describe(item.participantRole())).isEqualTo("a role this version does not know");
        assertThat(describe(ParticipantRole.AGENT)).isEqualTo("an agent");
        assertThat(ChatItemType.knownValues()).contains(ChatItemType.MESSAGE_READ, ChatItemType.PARTICIPANT_ENGAGED);
        assertThat(ParticipantRole.knownValues()).contains(ParticipantRole.CUSTOM_BOT, ParticipantRole.SUPERVISOR);
        assertThat(ConnectionType.knownValues()).contains(ConnectionType.WEBRTC_CONNECTION);
    }

    @Test
    void timestampsAreWrittenWithMillisecondsInUtc() throws IOException {
        Item item = Item.builder().absoluteTime(Instant.parse("2019-11-08T02:41:28Z")).build();
        assertThat(Json.WRITER.writeValueAsString(item)).isEqualTo("{\"AbsoluteTime\":\"2019-11-08T02:41:28.000Z\"}");
        Item nanos = Item.builder().absoluteTime(Instant.parse("2019-11-08T02:41:28.123456789Z")).build();
        assertThat(Json.WRITER.writeValueAsString(nanos)).contains("2019-11-08T02:41:28.123Z");
        Item offset = Json.reader(Item.class).readValue("{\"AbsoluteTime\":\"2019-11-08T04:41:28.172+02:00\"}");
        assertThat(offset.absoluteTime()).isEqualTo(Instant.parse("2019-11-08T02:41:28.172Z"));
    }

    @Test
    void readsTheNewerResponses() throws IOException {
        CreateParticipantConnectionResponse connection = Json.reader(CreateParticipantConnectionResponse.class).readValue("{\"Websocket\":{\"Url\":\"wss://x\","
                + "\"ConnectionExpiry\":\"2030-01-01T00:00:00.000Z\"},\"ConnectionCredentials\":{\"ConnectionToken\":"
                + "\"ct\",\"Expiry\":\"2030-01-02T00:00:00.000Z\"},\"WebRTCConnection\":{\"Attendee\":{\"AttendeeId\":"
                + "\"a\",\"JoinToken\":\"j\"},\"Meeting\":{\"MeetingId\":\"m\",\"MediaPlacement\":{\"AudioHostUrl\":\"h\"},"
                + "\"MeetingFeatures\":{\"Audio\":{\"EchoReduction\":\"AVAILABLE\"}}}}}");
        assertThat(connection.connectionCredentials().connectionToken()).isEqualTo("ct");
        assertThat(connection.webRTCConnection().meeting().meetingFeatures().audio().echoReduction())
                .isEqualTo(MeetingFeatureStatus.AVAILABLE);
        SendMessageResponse sent = Json.reader(SendMessageResponse.class).readValue("{\"Id\":\"i\",\"AbsoluteTime\":\"2030-01-01T00:00:00.000Z\","
                + "\"MessageMetadata\":{\"MessageProcessingStatus\":\"PROCESSING\"}}");
        assertThat(sent.messageMetadata().messageProcessingStatus()).isEqualTo(MessageProcessingStatus.PROCESSING);
        DescribeViewResponse view = Json.reader(DescribeViewResponse.class).readValue("{\"View\":{\"Id\":\"v\",\"Version\":3,\"Content\":"
                + "{\"Actions\":[\"Submit\"],\"Template\":\"t\"}}}");
        assertThat(view.view().content().actions()).containsExactly("Submit");
        GetAttachmentResponse attachment = Json.reader(GetAttachmentResponse.class).readValue("{\"Url\":\"u\",\"AttachmentSizeInBytes\":12}");
        assertThat(attachment.attachmentSizeInBytes()).isEqualTo(12L);
    }

    @Test
    void modelsAreImmutable() {
        java.util.ArrayList<String> ids = new java.util.ArrayList<>(List.of("a"));
        CompleteAttachmentUploadRequest request = CompleteAttachmentUploadRequest.builder().attachmentIds(ids).build();
        ids.add("b");
        assertThat(request.attachmentIds()).containsExactly("a");
        assertThatThrownBy(() -> request.attachmentIds().add("c")).isInstanceOf(UnsupportedOperationException.class);
        SendMessageRequest original = SendMessageRequest.builder().content("x").build();
        SendMessageRequest changed = original.toBuilder().content("y").build();
        assertThat(original.content()).isEqualTo("x");
        assertThat(changed.content()).isEqualTo("y");
        assertThat(original).isEqualTo(SendMessageRequest.builder().content("x").build());
    }
}
