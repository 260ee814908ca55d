package dev.connectchat.browser;

import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.testkit.EmulatedChat;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's console, clicked through in the browser: a front-end teammate plays the agent of a chat whose
 * customer side is the official chat library in a second page. Each sees what the other sends. The screenshot in
 * the README is the one this test takes ({@code target/emulator-console.png}).
 */
class ConsoleBrowserTest extends BrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);


    private static void consoleShows(String text) {
        browser.until("console", "text", shown -> shown.asText().contains(text), WAIT, Map.of("selector", "#transcript"));
    }

    private static void customerShows(String text) {
        browser.until("customer", "shown", shown -> shown.asText().contains(text), WAIT, null);
    }

    @Test
    void aTeammatePlaysTheAgentAndTheCustomerSeesIt() throws Exception {
        EmulatedChat chat = emulator.startChat("Jane");
        browser.call("customer", "open", null);
        browser.call("customer", "connect", Map.of("endpoint", emulator.endpoint().toString(),
                "contactId", chat.contactId(), "participantId", chat.customerParticipantId(),
                "participantToken", chat.participantToken()));
        browser.call("console", "open", Map.of("url", emulator.endpoint() + "/_emulator/console"));

        // the chat is listed with its customer; choosing it shows its participants
        String entry = ".chat[data-contact-id='" + chat.contactId() + "']";
        browser.until("console", "text", t -> t.asText().contains("Jane"), WAIT, Map.of("selector", entry));
        browser.call("console", "click", Map.of("selector", entry));
        browser.call("console", "click", Map.of("selector", "#join"));
        browser.until("console", "text", t -> t.asText().contains("AGENT") && t.asText().contains("(in)"), WAIT,
                Map.of("selector", "#participants"));

        // the console types as the agent; the customer's page shows it
        browser.call("console", "fill", Map.of("selector", "#text", "text", "Hello from the console"));
        browser.call("console", "click", Map.of("selector", "#send"));
        customerShows("AGENT: Hello from the console");

        // the customer answers; the console's live transcript shows it
        browser.call("customer", "send", "Thanks, I need help with my bill");
        consoleShows("Thanks, I need help with my bill");

        // an interactive template from the menu, drawn by the customer's page, and the choice back
        browser.call("console", "select", Map.of("selector", "#template", "value", "List picker"));
        browser.call("console", "click", Map.of("selector", "#send-template"));
        customerShows("Which department?");
        browser.call("customer", "choose", "Billing");
        consoleShows("chose Billing");

        // an attachment from the console reaches the customer, byte for byte
        browser.call("console", "setFile", Map.of("selector", "#file", "name", "invoice.txt", "type", "text/plain",
                "text", "invoice 42: 19.99 EUR"));
        browser.call("console", "click", Map.of("selector", "#send-file"));
        consoleShows("sent invoice.txt");
        Item attachment = chat.transcript().stream().filter(i -> "ATTACHMENT".equals(i.typeAsString())).findFirst()
                .orElseThrow();
        assertThat(browser.call("customer", "download", Map.of("attachmentId",
                attachment.attachments().get(0).attachmentId())).asText()).isEqualTo("invoice 42: 19.99 EUR");

        Path shot = Chromium.MODULE.resolve("target/emulator-console.png");
        browser.call("console", "screenshot", Map.of("file", shot.toString()));
        assertThat(Files.size(shot)).isPositive();

        // a fault from the console: the customer's socket is dropped and comes back
        int before = chat.openWebSockets();
        browser.call("console", "click", Map.of("selector", "#drop"));
        browser.until("customer", "events", all -> {
            int established = 0;
            for (var e : all) {
                established += e.path("kind").asText().equals("established") ? 1 : 0;
            }
            return established >= 2;
        }, WAIT, null);
        assertThat(before).isPositive();
        subscribed(chat);

        // the console ends the chat; the customer's page is told
        browser.call("console", "click", Map.of("selector", "#end"));
        browser.until("customer", "events", all -> all.toString().contains("\"kind\":\"ended\""), WAIT, null);
        browser.until("console", "text", t -> t.asText().contains("ended"), WAIT, Map.of("selector", "#title"));
    }
}
