package dev.connectchat.participant.websocket;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.ParticipantRole;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a chat from a position: late subscribers, several subscribers at different positions, positions as
 * strings, and the participants kept from the items.
 */
class PositionsTest {
    ParticipantEmulator emulator;
    ParticipantClient client;
    EmulatedChat chat;
    ChatSession session;

    @BeforeEach
    void start() {
        emulator = ParticipantEmulator.start();
        client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
        chat = emulator.startChat("Jane");
        session = ChatSession.connect(client, chat.participantToken()).block(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        session.close();
        client.close();
        emulator.close();
    }



    @Test
    void aLateSubscriberGetsEveryItemFromTheStartOnceAndInOrderWhileTheAgentGoesOn() {
        chat.agent().join();
        AgentMessages.numbered("before ", 50).forEach(chat.agent()::sendMessage);
        // nobody listened so far: items() would have lost these fifty
        List<String> expected = new java.util.ArrayList<>(AgentMessages.numbered("before ", 50));
        expected.addAll(AgentMessages.numbered("during ", 150));
        StepVerifier.create(AgentMessages.of(session.items(ChatPosition.START)).take(200))
                .then(() -> Schedulers.boundedElastic().schedule(
                        () -> AgentMessages.numbered("during ", 150).forEach(chat.agent()::sendMessage)))
                .expectNextSequence(expected)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void twoSubscribersAtDifferentPositionsEachGetWhatCameAfterTheirs() {
        chat.agent().join();
        List<ChatItem.Message> sent = session.items(ChatPosition.START).ofType(ChatItem.Message.class)
                .take(40).collectList()
                .doOnSubscribe(s -> Schedulers.boundedElastic().schedule(
                        () -> AgentMessages.numbered("m", 40).forEach(chat.agent()::sendMessage)))
                .block(Duration.ofSeconds(20));
        ChatPosition tenth = ChatPosition.parse(sent.get(9).position().toString());
        ChatPosition thirtieth = sent.get(29).position();

        // each until the last message: ending the chat would make the service refuse the transcript to both
        Flux<String> fromTenth = AgentMessages.of(session.items(tenth)).takeUntil("n4"::equals);
        Flux<String> fromThirtieth = AgentMessages.of(session.items(thirtieth)).takeUntil("n4"::equals);
        List<String> afterTenth = new java.util.ArrayList<>(AgentMessages.numbered("m", 40).subList(10, 40));
        afterTenth.addAll(AgentMessages.numbered("n", 5));
        List<String> afterThirtieth = new java.util.ArrayList<>(AgentMessages.numbered("m", 40).subList(30, 40));
        afterThirtieth.addAll(AgentMessages.numbered("n", 5));
        StepVerifier.create(Flux.zip(fromTenth.collectList(), fromThirtieth.collectList()))
                .then(() -> AgentMessages.numbered("n", 5).forEach(chat.agent()::sendMessage))
                .assertNext(both -> {
                    assertThat(both.getT1()).containsExactlyElementsOf(afterTenth);
                    assertThat(both.getT2()).containsExactlyElementsOf(afterThirtieth);
                })
                .verifyComplete();
    }

    @Test
    void positionsRoundTripAsStringsAndBadOnesAreRefusedByTheirForm() {
        ChatPosition item = ChatPosition.of("3f1c7a2e-item/with+odd=chars", Instant.parse("2026-11-27T10:15:30.123Z"));
        assertThat(ChatPosition.parse(item.toString())).isEqualTo(item);
        assertThat(item.toString()).matches("p1\\.\\d+\\.[A-Za-z0-9_-]+");
        assertThat(ChatPosition.parse("start")).isSameAs(ChatPosition.START);
        ChatPosition at = ChatPosition.at(Instant.parse("2026-11-27T10:15:30.123Z"));
        assertThat(ChatPosition.parse(at.toString())).isEqualTo(at);
        for (String bad : new String[]{"", "p1.", "p1.x.aWQ", "p1.123.", "t1.x", "q1.1.aWQ", "p1.123.%%%"}) {
            assertThatThrownBy(() -> ChatPosition.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position must be");
        }
    }

    @Test
    void participantsAreKeptFromTheItems() {
        List<ChatParticipant> atFirst = session.participants().block(Duration.ofSeconds(10));
        assertThat(atFirst).extracting(ChatParticipant::role).containsExactly(ParticipantRole.CUSTOMER);
        assertThat(atFirst.get(0).displayName()).isEqualTo("Jane");

        StepVerifier.create(session.items().ofType(ChatItem.ParticipantLeft.class).next())
                .then(() -> {
                    chat.agent().join();
                    chat.agent().sendMessage("hello");
                    chat.agent().leave();
                })
                .expectNextCount(1)
                .verifyComplete();
        List<ChatParticipant> after = session.participants().block(Duration.ofSeconds(10));
        assertThat(after).extracting(ChatParticipant::role).containsExactly(ParticipantRole.CUSTOMER);

        StepVerifier.create(session.items().ofType(ChatItem.ParticipantJoined.class).next())
                .then(() -> chat.agent().join())
                .expectNextCount(1)
                .verifyComplete();
        assertThat(session.participants().block(Duration.ofSeconds(10))).extracting(ChatParticipant::role)
                .containsExactly(ParticipantRole.CUSTOMER, ParticipantRole.AGENT);
    }
}
