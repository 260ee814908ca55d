package dev.connectchat.participant.internal;

import dev.connectchat.participant.model.Item;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token-by-token item reader reads what data binding reads, and refuses what it refuses: each text is read by
 * both, and the items (or the refusals) must be the same.
 */
class ItemReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // an agent's message as the service pushes it, members in the service's order
        "{\"AbsoluteTime\":\"2024-07-14T22:18:39.241Z\",\"Content\":\"Test\",\"ContentType\":\"text/plain\","
            + "\"Id\":\"i-1\",\"Type\":\"MESSAGE\",\"ParticipantId\":\"p-1\",\"DisplayName\":\"Agent\","
            + "\"ParticipantRole\":\"AGENT\",\"InitialContactId\":\"c-0\",\"ContactId\":\"c-1\"}",
        "{\"Id\":\"i-2\",\"Type\":\"ATTACHMENT\",\"Attachments\":[{\"ContentType\":\"image/png\",\"AttachmentId\":\"a-1\","
            + "\"AttachmentName\":\"cat.png\",\"Status\":\"APPROVED\",\"Extra\":1}],\"AbsoluteTime\":\"2024-07-14T22:18:40.000Z\"}",
        "{\"Id\":\"i-3\",\"Type\":\"MESSAGEMETADATA\",\"MessageMetadata\":{\"MessageId\":\"i-1\",\"Receipts\":"
            + "[{\"DeliveredTimestamp\":\"2024-07-14T22:18:41.000Z\",\"RecipientParticipantId\":\"p-2\"}]}}",
        "{\"Id\":\"i-4\",\"RelatedContactId\":\"r-1\",\"Content\":\"\\u00e9t\\u00e9 \\\"quoted\\\" \\n line\"}",
        "{}",
        "{\"Id\":null,\"Content\":null,\"AbsoluteTime\":null,\"Attachments\":null,\"MessageMetadata\":null}",
        "{\"Content\":12,\"Id\":true,\"DisplayName\":1.5,\"Type\":false}",
        "{\"AbsoluteTime\":\"\"}",
        "{\"AbsoluteTime\":1721000000.241}",
        "{\"AbsoluteTime\":1721000000}",
        "{\"AbsoluteTime\":\"2024-07-14T22:18:39+02:00\"}",
        "{\"AbsoluteTime\":\"2024-07-14T22:18:39.241123Z\"}",
        "{\"Unknown\":{\"Deep\":[1,{\"Id\":\"not me\"}]},\"Id\":\"i-5\",\"Other\":[\"Id\"]}",
        "{\"Id\":\"first\",\"Id\":\"second\"}",
        "null",
        "  {\"Id\":\"i-6\"}  ",
        // refused by both
        "{\"AbsoluteTime\":\"yesterday\"}",
        "{\"AbsoluteTime\":{\"Id\":\"x\"}}",
        "{\"AbsoluteTime\":[]}",
        "{\"Content\":{\"a\":1}}",
        "{\"Id\":[\"a\"]}",
        "{\"Attachments\":\"none\"}",
        "{\"MessageMetadata\":[]}",
        "{\"Id\":\"i-7\"} trailing",
        "{\"Id\":\"i-7\"}{}",
        "[]",
        "12",
        "\"text\"",
        "{\"Id\":",
        "not json",
        ""
    })
    void readsAndRefusesWhatDataBindingDoes(String json) throws Exception {
        Item bound;
        try {
            bound = Json.reader(Item.class).readValue(json);
        } catch (Exception refused) {
            assertThatThrownBy(() -> ItemReader.read(json)).as(json).isInstanceOf(java.io.IOException.class);
            return;
        }
        assertThat(ItemReader.read(json)).as(json).isEqualTo(bound);
    }
}
