package dev.connectchat.participant.websocket;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.ParticipantRole;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session snapshotted, closed, and resumed elsewhere (a new client, as a new process would have) while the
 * agent went on: exactly the items after the snapshot, with the tokens good, with them expired meanwhile, and
 * with the chat ended meanwhile; then 500 sessions at once.
 */
class ResumeTest {
    ParticipantEmulator emulator;
    ParticipantClient first;
    SimpleMeterRegistry calls;
    ParticipantClient second;

    @BeforeEach
    void start() {
        emulator = ParticipantEmulator.start();
        first = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
        calls = new SimpleMeterRegistry();
        second = ParticipantClient.builder().endpoint(emulator.endpoint()).meterRegistry(calls).build();
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        emulator.close();
    }

    private long createConnectionCalls() {
        return calls.find("connectchat.client.calls").tag("operation", "CreateParticipantConnection").timers()
                .stream().mapToLong(Timer::count).sum();
    }



    /** Connects, has the session deliver the agent's first three messages, and returns its snapshot, encoded. */
    private String deliveredThreeThenSnapshot(EmulatedChat chat) {
        ChatSession session = ChatSession.connect(first, chat.participantToken()).block(Duration.ofSeconds(10));
        StepVerifier.create(AgentMessages.of(session.items()).take(3))
                .then(() -> {
                    chat.agent().join();
                    AgentMessages.numbered("before ", 3).forEach(chat.agent()::sendMessage);
                })
                .expectNext("before 0", "before 1", "before 2")
                .verifyComplete();
        String encoded = session.snapshot().encode();
        session.close();
        return encoded;
    }

    @Test
    void resumedElsewhereItDeliversExactlyWhatCameAfterTheSnapshotWithoutANewConnection() {
        EmulatedChat chat = emulator.startChat();
        String stored = deliveredThreeThenSnapshot(chat);
        AgentMessages.numbered("while away ", 200).forEach(chat.agent()::sendMessage);

        SessionSnapshot snapshot = SessionSnapshot.decode(stored);
        assertThat(snapshot.toString()).doesNotContain(chat.participantToken()).contains("***");
        ChatSession resumed = ChatSession.resume(second, snapshot).block(Duration.ofSeconds(10));
        StepVerifier.create(AgentMessages.of(resumed.items()).take(201))
                .expectNextSequence(AgentMessages.numbered("while away ", 200))
                .then(() -> chat.agent().sendMessage("live"))
                .expectNext("live")
                .verifyComplete();
        assertThat(createConnectionCalls()).as("CreateParticipantConnection calls").isZero();
        assertThat(resumed.participants().block(Duration.ofSeconds(5))).extracting(ChatParticipant::role)
                .contains(ParticipantRole.AGENT, ParticipantRole.CUSTOMER);
        resumed.close();
    }

    @Test
    void withTheConnectionTokenExpiredMeanwhileOneNewConnectionAndNothingLost() {
        EmulatedChat chat = emulator.startChat();
        String stored = deliveredThreeThenSnapshot(chat);
        AgentMessages.numbered("while away ", 200).forEach(chat.agent()::sendMessage);
        chat.faults().expireConnectionTokens().expireWebSocketUrls();

        ChatSession resumed = ChatSession.resume(second, SessionSnapshot.decode(stored)).block(Duration.ofSeconds(10));
        StepVerifier.create(AgentMessages.of(resumed.items()).take(200))
                .expectNextSequence(AgentMessages.numbered("while away ", 200))
                .verifyComplete();
        assertThat(createConnectionCalls()).as("CreateParticipantConnection calls").isEqualTo(1);
        resumed.close();
    }

    @Test
    void withTheChatEndedMeanwhileAChatEndedThenCompletion() {
        EmulatedChat chat = emulator.startChat();
        String stored = deliveredThreeThenSnapshot(chat);
        chat.agent().sendMessage("said just before the end, not readable any more");
        chat.end();

        ChatSession resumed = ChatSession.resume(second, SessionSnapshot.decode(stored),
                ChatSessionOptions.builder().backoff(Duration.ofMillis(100), Duration.ofMillis(200)).build())
                .block(Duration.ofSeconds(10));
        StepVerifier.create(resumed.items())
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.ChatEnded.class))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void fiveHundredSessionsSnapshottedClosedAndResumedAtOnceLoseAndRepeatNothing() {
        int sessions = 500;
        int perChat = 20;
        List<EmulatedChat> chats = IntStream.range(0, sessions).mapToObj(i -> emulator.startChat()).toList();
        List<ChatSession> open = Flux.fromIterable(chats)
                .flatMap(c -> ChatSession.connect(first, c.participantToken()), 64)
                .collectList().block(Duration.ofMinutes(2));
        Map<EmulatedChat, String> stored = new ConcurrentHashMap<>();
        for (int i = 0; i < sessions; i++) {
            stored.put(chats.get(i), open.get(i).snapshot().encode());
            open.get(i).close();
        }
        for (EmulatedChat chat : chats) {
            AgentMessages.numbered("m", perChat).forEach(chat.agent()::sendMessage);
        }
        // a fifth of them had their tokens and socket URLs expire meanwhile
        Set<EmulatedChat> expired = new HashSet<>();
        for (int i = 0; i < sessions; i += 5) {
            chats.get(i).faults().expireConnectionTokens().expireWebSocketUrls();
            expired.add(chats.get(i));
        }

        List<List<String>> received = Flux.fromIterable(chats)
                .flatMap(chat -> ChatSession.resume(second, SessionSnapshot.decode(stored.get(chat)))
                        .flatMap(s -> AgentMessages.of(s.items()).take(perChat).collectList()
                                .doFinally(signal -> s.close())), sessions)
                .collectList().block(Duration.ofMinutes(3));

        long items = received.stream().mapToLong(List::size).sum();
        long inOrderOnce = received.stream().filter(got -> got.equals(AgentMessages.numbered("m", perChat))).count();
        assertThat(items).as("items").isEqualTo((long) sessions * perChat);
        assertThat(inOrderOnce).as("sessions with every item once, in order").isEqualTo(sessions);
        assertThat(createConnectionCalls()).as("CreateParticipantConnection calls")
                .isLessThanOrEqualTo(expired.size());
    }
}
