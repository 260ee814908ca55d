package dev.connectchat.participant.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control API as a script or a front-end teammate uses it with curl: it lists itself, refuses what it does
 * not take with the member or method named, and its answers carry what the next call needs.
 */
class ControlApiTest {
    static ParticipantEmulator emulator;
    static HttpClient http;

    record Seen(int status, String body) {
    }

    @BeforeAll
    static void start() {
        emulator = ParticipantEmulator.start();
        http = HttpClient.create().baseUrl(emulator.endpoint().toString());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static Seen call(String method, String path, String body) {
        return http.headers(h -> h.set("Content-Type", "application/json"))
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(method)).uri(path)
                .send(body == null ? ByteBufFlux.empty() : ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((res, content) -> content.asString().defaultIfEmpty("")
                        .map(text -> new Seen(res.status().code(), text)))
                .block(Duration.ofSeconds(10));
    }

    @Test
    void itListsItsRoutes() {
        Seen list = call("GET", "/_emulator", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"Path\":\"/_emulator/chats\"", "\"Path\":\"/_emulator/chats/{contactId}/agent/message\"",
                "\"Path\":\"/_emulator/faults/drop-websockets\"", "\"Name\":\"Content\"");
    }

    @Test
    void aStartedChatAnswersEverythingTheNextCallsNeed() {
        Seen started = call("POST", "/_emulator/chats", "{\"DisplayName\":\"Jane\"}");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body()).contains("\"ContactId\"", "\"ParticipantId\"", "\"ParticipantToken\"");
        String contactId = started.body().replaceAll(".*\"ContactId\":\"([^\"]+)\".*", "$1");
        EmulatedChat chat = emulator.chat(contactId).orElseThrow();
        assertThat(started.body()).contains(chat.customerParticipantId());

        Seen sent = call("POST", "/_emulator/chats/" + contactId + "/agent/message", "{\"Content\":\"Hi\"}");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(chat.transcript()).last().satisfies(i -> assertThat(i.content()).isEqualTo("Hi"));
    }

    @Test
    void aWrongBodyIsRefusedNamingTheMemberAndNothingHappens() {
        String contactId = call("POST", "/_emulator/chats", null).body().replaceAll(".*\"ContactId\":\"([^\"]+)\".*", "$1");
        EmulatedChat chat = emulator.chat(contactId).orElseThrow();
        int before = chat.transcript().size();

        Seen unknown = call("POST", "/_emulator/chats/" + contactId + "/agent/message", "{\"text\":\"hi\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("text is not a member").contains("Content");
        Seen missing = call("POST", "/_emulator/chats/" + contactId + "/agent/message", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Content is required");
        Seen wrongType = call("POST", "/_emulator/faults/throttle", "{\"Count\":\"three\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("Count must be a JSON integer");
        assertThat(chat.transcript()).hasSize(before);
    }

    @Test
    void aWrongMethodIs405AndChangesNothing() {
        String contactId = call("POST", "/_emulator/chats", null).body().replaceAll(".*\"ContactId\":\"([^\"]+)\".*", "$1");
        Seen get = call("GET", "/_emulator/chats/" + contactId + "/end", null);
        assertThat(get.status()).isEqualTo(405);
        assertThat(emulator.chat(contactId).orElseThrow().ended()).isFalse();
        assertThat(call("POST", "/_emulator/nothing-here", null).status()).isEqualTo(404);
    }

    @Test
    void theConsoleIsServedAndWhatItReadsAndSendsWorks() {
        Seen page = call("GET", "/_emulator/console", null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<title>connectchat emulator console</title>", "/agent/attachment");

        String contactId = call("POST", "/_emulator/chats", "{\"DisplayName\":\"Ann\"}").body()
                .replaceAll(".*\"ContactId\":\"([^\"]+)\".*", "$1");
        Seen chats = call("GET", "/_emulator/chats", null);
        assertThat(chats.status()).isEqualTo(200);
        assertThat(chats.body()).contains("\"ContactId\":\"" + contactId + "\"", "\"DisplayName\":\"Ann\"",
                "\"Role\":\"CUSTOMER\"", "\"Ended\":false");

        Seen attachment = call("POST", "/_emulator/chats/" + contactId + "/agent/attachment",
                "{\"Name\":\"a.txt\",\"ContentType\":\"text/plain\",\"Data\":\"aGVsbG8=\"}");
        assertThat(attachment.status()).isEqualTo(200);
        assertThat(emulator.chat(contactId).orElseThrow().transcript()).last()
                .satisfies(i -> assertThat(i.attachments()).singleElement()
                        .satisfies(a -> assertThat(a.attachmentName()).isEqualTo("a.txt")));
        Seen notBase64 = call("POST", "/_emulator/chats/" + contactId + "/agent/attachment",
                "{\"Name\":\"a.txt\",\"ContentType\":\"text/plain\",\"Data\":\"%%%\"}");
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.body()).contains("Data must be base64");
    }
}
