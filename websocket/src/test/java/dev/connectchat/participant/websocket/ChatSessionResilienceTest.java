package dev.connectchat.participant.websocket;

import dev.connectchat.participant.testsupport.Awaits;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network loss, URL and token expiry while the other side keeps talking: not one item lost, not one twice,
 * all in order.
 */
class ChatSessionResilienceTest {
    ParticipantEmulator emulator;
    ParticipantClient client;
    EmulatedChat chat;

    @BeforeEach
    void start() {
        emulator = ParticipantEmulator.start();
        client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
        chat = emulator.startChat("Jane");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private ChatSession connect() {
        return ChatSession.connect(client, chat.participantToken(), ChatSessionOptions.builder()
                .backoff(Duration.ofMillis(5), Duration.ofMillis(50)).build()).block(Duration.ofSeconds(10));
    }

    @Test
    void socketDropsDuringAThousandMessagesLoseAndRepeatNothing() {
        ChatSession session = connect();
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        session.states().subscribe(states::add);
        java.util.concurrent.atomic.AtomicInteger drops = new java.util.concurrent.atomic.AtomicInteger();
        List<String> expected = IntStream.range(0, 1000).mapToObj(i -> "m" + i).collect(Collectors.toList());
        StepVerifier.create(session.items().ofType(ChatItem.Message.class).map(ChatItem.Message::content).take(1000)
                        .collectList())
                .then(() -> Schedulers.boundedElastic().schedule(() -> {
                    for (int i = 0; i < 1000; i++) {
                        chat.agent().sendMessage("m" + i);
                        if (i % 100 == 50) {
                            // drop only the socket the session has now: wait until it is back from the last drop
                            Awaits.until(() -> states.stream()
                                    .filter(st -> st.status() == ConnectionState.Status.CONNECTED).count()
                                    == drops.get() + 1);
                            drops.incrementAndGet();
                            if (i % 200 == 50) {
                                chat.faults().dropWebSockets();
                            } else {
                                chat.faults().closeWebSockets();
                            }
                        }
                    }
                }))
                .assertNext(received -> assertThat(received).containsExactlyElementsOf(expected))
                .verifyComplete();
        // the last drop is a close frame, which can leave the emulator after the last messages (its socket writes
        // what it had queued first): the session then sees it after its 1,000th item, when this test looks
        Awaits.until(() -> states.stream().filter(s -> s.status() == ConnectionState.Status.RECONNECTING).count() >= 10);
        assertThat(states).extracting(ConnectionState::status)
                .filteredOn(s -> s == ConnectionState.Status.RECONNECTING).hasSize(10);
        assertThat(states).filteredOn(s -> s.status() == ConnectionState.Status.RECONNECTING)
                .allSatisfy(s -> assertThat(s.cause()).isNotNull());
        session.close();
    }

    @Test
    void expiredUrlsAndTokensDuringTraffic() {
        ChatSession session = connect();
        StepVerifier.create(session.items().ofType(ChatItem.Message.class).map(ChatItem.Message::content).take(6))
                .then(() -> {
                    chat.agent().sendMessage("a");
                    chat.faults().expireWebSocketUrls();
                    chat.faults().dropWebSockets();
                    chat.agent().sendMessage("b");
                })
                .expectNext("a", "b")
                .then(() -> {
                    // a token the service no longer takes: the send refreshes it and goes through
                    chat.faults().expireConnectionTokens();
                    session.sendMessage("c").block(Duration.ofSeconds(10));
                    chat.agent().sendMessage("d");
                })
                .expectNext("c", "d")
                .then(() -> {
                    chat.faults().expireConnectionTokens();
                    chat.faults().dropWebSockets();
                    chat.agent().sendMessage("e");
                    chat.agent().sendMessage("f");
                })
                .expectNext("e", "f")
                .verifyComplete();
        // reads too go on with a fresh token when the service denies the old one
        chat.faults().expireConnectionTokens();
        assertThat(session.transcript().filter(i -> "f".equals(i.content())).count().block(Duration.ofSeconds(10)))
                .isEqualTo(1);
        session.close();
    }

    @Test
    void theChatEndingWhileAwayEndsTheSession() {
        ChatSession session = connect();
        StepVerifier.create(session.items())
                .then(() -> {
                    chat.faults().dropWebSockets();
                    chat.end();
                })
                .thenConsumeWhile(i -> !(i instanceof ChatItem.ChatEnded))
                .expectNextMatches(i -> i instanceof ChatItem.ChatEnded)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(session.states().last())
                .assertNext(s -> assertThat(s.status()).isEqualTo(ConnectionState.Status.CLOSED))
                .verifyComplete();
    }

    @Test
    void manySessionsOfOneChatEachSeeEverythingOnce() {
        List<ChatSession> sessions = Flux.range(0, 5).flatMap(i -> ChatSession.connect(client, chat.participantToken()))
                .collectList().block(Duration.ofSeconds(10));
        List<StepVerifier> verifiers = sessions.stream().map(s -> StepVerifier.create(s.items()
                        .ofType(ChatItem.Message.class).map(ChatItem.Message::content).take(50).collectList())
                .assertNext(list -> assertThat(list).containsExactlyElementsOf(
                        IntStream.range(0, 50).mapToObj(i -> "x" + i).toList()))
                .expectComplete()
                .verifyLater()).toList();
        for (int i = 0; i < 50; i++) {
            chat.agent().sendMessage("x" + i);
            if (i == 25) {
                chat.faults().dropWebSockets();
            }
        }
        verifiers.forEach(v -> v.verify(Duration.ofSeconds(20)));
        sessions.forEach(ChatSession::close);
        Awaits.until(() -> chat.openWebSockets() == 0);
    }
}
