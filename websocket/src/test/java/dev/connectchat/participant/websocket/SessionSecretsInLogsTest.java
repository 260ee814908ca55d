package dev.connectchat.participant.websocket;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import dev.connectchat.participant.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import reactor.test.StepVerifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's whole life with every logger at DEBUG and the redacting wiretap on: connect, messages both
 * ways, a lost socket and its gap fill, an attachment, a refused token and its refresh. No line of ours
 * carries a participant token, a connection token, a socket URL's token or a signature. Reactor Netty's
 * own DEBUG lines do print URLs (the README says to keep them at INFO); they are left out here.
 */
@Isolated
class SessionSecretsInLogsTest {
    private static final Pattern URL_SECRET = Pattern.compile("(?i)(token|signature|credential)=[A-Za-z0-9%_-]{6,}");

    @Test
    void noSecretInAnyLogLineOfOurs() {
        List<String> lines;
        String participantToken;
        try (ParticipantEmulator emulator = ParticipantEmulator.start(); LogCapture logs = LogCapture.everything()) {
            EmulatedChat chat = emulator.startChat("Jane");
            participantToken = chat.participantToken();
            ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).wiretap(true).build();
            ChatSession session = ChatSession.connect(client, chat.participantToken(), ChatSessionOptions.builder()
                    .backoff(Duration.ofMillis(10), Duration.ofMillis(100)).build()).block(Duration.ofSeconds(10));
            StepVerifier.create(session.items().ofType(ChatItem.Message.class).map(ChatItem.Message::content).take(2))
                    .then(() -> chat.agent().sendMessage("one"))
                    .expectNext("one")
                    .then(() -> {
                        chat.faults().dropWebSockets();
                        chat.agent().sendMessage("two");
                    })
                    .expectNext("two")
                    .verifyComplete();
            chat.faults().expireConnectionTokens();
            session.sendMessage("three").block(Duration.ofSeconds(10));
            String id = session.uploadAttachment("note.txt", "text/plain",
                    reactor.core.publisher.Flux.just(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8))), 5)
                    .block(Duration.ofSeconds(10));
            session.downloadAttachment(id).collectList().block(Duration.ofSeconds(10));
            session.close();
            lines = logs.lines();
        }
        List<String> ours = lines.stream().filter(l -> !l.startsWith("reactor.netty")).toList();
        assertThat(ours).as("the wiretap logged the traffic").anyMatch(l -> l.startsWith("dev.connectchat.participant.wiretap"));
        assertThat(ours).noneMatch(l -> l.contains(participantToken));
        assertThat(ours).noneMatch(l -> URL_SECRET.matcher(l).find());
        assertThat(ours).noneMatch(l -> l.matches("(?is).*x-amz-bearer\\s*+:\\s*+(?!\\*\\*\\*).*"));
    }
}
