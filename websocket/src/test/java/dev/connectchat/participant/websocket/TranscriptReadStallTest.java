package dev.connectchat.participant.websocket;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.HttpResources;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reproducer of an open defect, run on demand: {@code mvn -pl websocket test -Dtest=TranscriptReadStallTest
 * -Dconnectchat.stallRounds=400}. Each round connects a session, has the agent send 100 messages, and reads the
 * chat from its start on an event loop, as a WebFlux handler does. About one round in a thousand (2 cores) the
 * first GetTranscript page stalls: the response's head arrives, its 25 KB body does not reach the client
 * (epoll and NIO alike, with or without the abandoned-read grace), until the 30 s response timeout ends the
 * attempt and the retry reads the page. Nothing is lost or repeated, but the subscriber waits 30 s. Reads
 * alone (no live socket, no session) did not stall in 24,000 tries, through the client or through bare Reactor
 * Netty. {@code -Dconnectchat.stallWait=45} (seconds) shows the recovery instead of the stall. The defect is open; this test fails until
 * it is fixed, which is why it runs only when asked.
 */
@EnabledIfSystemProperty(named = "connectchat.stallRounds", matches = "\\d+")
class TranscriptReadStallTest {

    @Test
    void everyReadFromTheStartOnAnEventLoopDeliversWithoutWaitingForATimeout() {
        int rounds = Integer.getInteger("connectchat.stallRounds");
        Duration wait = Duration.ofSeconds(Integer.getInteger("connectchat.stallWait", 10));
        Scheduler eventLoop = Schedulers.fromExecutor(HttpResources.get().onClient(true).next());
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build()) {
            for (int round = 0; round < rounds; round++) {
                EmulatedChat chat = emulator.startChat("Jane");
                ChatSession session = ChatSession.connect(client, chat.participantToken()).block(Duration.ofSeconds(10));
                chat.agent().join();
                Schedulers.boundedElastic().schedule(() -> AgentMessages.numbered("m", 100).forEach(chat.agent()::sendMessage));
                List<String> got = new CopyOnWriteArrayList<>();
                try {
                    Mono.delay(Duration.ZERO, eventLoop)
                            .flatMapMany(tick -> AgentMessages.of(session.items(ChatPosition.START)))
                            .doOnNext(got::add).take(100).blockLast(wait);
                    assertThat(got).containsExactlyElementsOf(AgentMessages.numbered("m", 100));
                } catch (IllegalStateException stalled) {
                    throw new AssertionError("round " + round + " stalled after " + got.size() + " items", stalled);
                } finally {
                    session.close();
                }
            }
        }
    }
}
