package dev.connectchat.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.testkit.EmulatedChat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a front-end team does with the emulator: the official browser chat library (amazon-connect-chatjs, the
 * version in package-lock.json) in headless Chromium, in a page served from another origin than the emulator's
 * (so every call goes through CORS as in production), chatting with the emulator's agent.
 */
class ChatJsBrowserTest extends BrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String EVENT = "application/vnd.amazonaws.connect.event.";
    private static final String LIST_PICKER = "{\"templateType\":\"ListPicker\",\"version\":\"1.0\",\"data\":{\"content\":"
            + "{\"title\":\"Which department?\",\"elements\":[{\"title\":\"Billing\"},{\"title\":\"New Service\"}]}}}";


    private static EmulatedChat connected(String page) {
        EmulatedChat chat = emulator.startChat("Jane");
        browser.call(page, "open", null);
        browser.call(page, "connect", Map.of("endpoint", emulator.endpoint().toString(), "contactId", chat.contactId(),
                "participantId", chat.customerParticipantId(), "participantToken", chat.participantToken()));
        // what is pushed before the page's socket has subscribed only its transcript has, as with the service
        subscribed(chat);
        return chat;
    }

    private static List<JsonNode> events(String page, String kind) {
        List<JsonNode> found = new ArrayList<>();
        browser.call(page, "events", null).forEach(e -> {
            if (e.path("kind").asText().equals(kind)) {
                found.add(e);
            }
        });
        return found;
    }

    private static JsonNode awaitEvent(String page, String kind, Predicate<JsonNode> which) {
        browser.until(page, "events", all -> {
            for (JsonNode e : all) {
                if (e.path("kind").asText().equals(kind) && which.test(e)) {
                    return true;
                }
            }
            return false;
        }, WAIT);
        return events(page, kind).stream().filter(which).findFirst().orElseThrow();
    }

    private static Item awaitItem(EmulatedChat chat, Predicate<Item> which) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Item item : chat.transcript()) {
                if (which.test(item)) {
                    return item;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("not in the transcript: " + chat.transcript());
    }

    @Test
    void aChatInTheBrowserMessagesTypingReceiptsAttachmentsInteractiveAndTheEnd() {
        EmulatedChat chat = connected("customer");
        chat.agent().join();

        // messages both ways
        Item hello = chat.agent().sendMessage("Hello from the agent");
        awaitEvent("customer", "message", e -> "Hello from the agent".equals(e.path("content").asText()));
        String sentId = browser.call("customer", "send", "Hi from the browser").asText();
        Item sent = awaitItem(chat, i -> sentId.equals(i.id()));
        assertThat(sent.content()).isEqualTo("Hi from the browser");
        assertThat(sent.participantRoleAsString()).isEqualTo("CUSTOMER");

        // typing both ways
        chat.agent().sendEvent(EVENT + "typing");
        awaitEvent("customer", "typing", e -> "AGENT".equals(e.path("role").asText()));
        browser.call("customer", "typing", null);

        // receipts both ways
        browser.call("customer", "receipt", Map.of("kind", "read", "messageId", hello.id()));
        awaitItem(chat, i -> i.id().equals(hello.id()) && i.messageMetadata() != null
                && i.messageMetadata().receipts().stream().anyMatch(r -> r.readTimestamp() != null));
        chat.agent().sendReceipt(EVENT + "message.read", sentId);
        awaitEvent("customer", "read", e -> sentId.equals(e.path("metadata").path("MessageId").asText()));

        // attachments both ways, the bytes identical
        browser.call("customer", "upload", Map.of("name", "notes.txt", "type", "text/plain", "text", "booking EXT-42"));
        Item uploaded = awaitItem(chat, i -> "ATTACHMENT".equals(i.typeAsString()));
        assertThat(uploaded.attachments()).singleElement()
                .satisfies(a -> assertThat(a.attachmentName()).isEqualTo("notes.txt"));
        assertThat(browser.call("customer", "download",
                Map.of("attachmentId", uploaded.attachments().get(0).attachmentId())).asText()).isEqualTo("booking EXT-42");
        Item fromAgent = chat.agent().sendAttachment("receipt.txt", "text/plain",
                "paid: 42 EUR".getBytes(StandardCharsets.UTF_8));
        JsonNode arrived = awaitEvent("customer", "message", e -> fromAgent.id().equals(e.path("id").asText()));
        assertThat(browser.call("customer", "download", Map.of("attachmentId",
                arrived.path("attachments").get(0).path("AttachmentId").asText())).asText()).isEqualTo("paid: 42 EUR");

        // an interactive message, drawn by the page's own code; the customer's choice goes back
        chat.agent().sendMessage("application/vnd.amazonaws.connect.message.interactive", LIST_PICKER);
        browser.until("customer", "shown", shown -> shown.asText().contains("Which department?"), WAIT);
        browser.call("customer", "choose", "Billing");
        Item choice = awaitItem(chat, i -> "application/vnd.amazonaws.connect.message.interactive.response"
                .equals(i.contentType()));
        assertThat(choice.content()).contains("Billing");

        // the agent ends the chat: the page is told
        chat.end();
        awaitEvent("customer", "ended", e -> true);
    }

    @Test
    void aDroppedSocketIsReconnectedAndNothingIsLostOrRepeated() {
        EmulatedChat chat = connected("reconnecting");
        chat.agent().join();
        chat.agent().sendMessage("before the drop");
        awaitEvent("reconnecting", "message", e -> "before the drop".equals(e.path("content").asText()));
        int established = events("reconnecting", "established").size();

        emulator.faults().dropWebSockets();
        browser.until("reconnecting", "events", all -> count(all, "established") > established, WAIT);
        // chatjs says "established" when its new socket opens, before the subscription: what the service pushes in
        // between is for the widget to read from the transcript, so the agent speaks once the socket is subscribed
        subscribed(chat);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(chat.agent().sendMessage("after the drop " + i).id());
        }
        awaitEvent("reconnecting", "message", e -> ids.get(4).equals(e.path("id").asText()));
        List<String> seen = events("reconnecting", "message").stream().map(e -> e.path("id").asText())
                .filter(ids::contains).toList();
        assertThat(seen).containsExactlyElementsOf(ids);

        // the customer leaves: the emulator's chat has the customer gone
        browser.call("reconnecting", "disconnect", null);
        awaitItem(chat, i -> (EVENT + "participant.left").equals(i.contentType())
                && chat.customerParticipantId().equals(i.participantId()));
    }

    private static int count(JsonNode events, String kind) {
        int n = 0;
        for (JsonNode e : events) {
            if (e.path("kind").asText().equals(kind)) {
                n++;
            }
        }
        return n;
    }
}
