package dev.connectchat.participant.websocket;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.ParticipantServiceException;
import dev.connectchat.participant.RetryPolicy;
import dev.connectchat.participant.testsupport.Awaits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat socket and a service that misbehave: refused subscriptions, sockets dropped right after they are
 * subscribed, a transcript that stalls, throttles or never ends, frames malformed or as large as the service
 * may send, connection answers without a usable URL. The session never leaks a socket, never hammers the
 * service, never stalls live items without bound, and never drops its socket for a frame it cannot use.
 */
class HostilePeerTest {
    private static final Duration HANG = Duration.ofSeconds(30);

    HostileChatServer server;
    ParticipantClient client;
    List<ChatSession> sessions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new HostileChatServer();
        client = ParticipantClient.builder().endpoint(server.endpoint()).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        sessions.forEach(ChatSession::close);
        server.close();
    }

    private ChatSession connect(ChatSessionOptions.Builder options) {
        ChatSession session = ChatSession.connect(client, "pt", options.build()).block(HANG);
        sessions.add(session);
        return session;
    }

    private static ChatSessionOptions.Builder quick() {
        return ChatSessionOptions.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(50));
    }

    @Test
    void refusedSubscriptionsLeaveNoSocketOpen() {
        server.socket((peer, frame) -> frame.contains("aws/subscribe") ? Flux.just(HostileChatServer.REFUSED) : Flux.empty());
        StepVerifier.create(ChatSession.connect(client, "pt", quick().build()))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("refused the subscription"))
                .verify(HANG);
        assertThat(server.peers()).hasSize(3); // the first socket, tried again twice
        Awaits.until(() -> server.openSockets() == 0);
    }

    @Test
    void refusedSubscriptionsWhileReconnectingLeaveOneSocketAtMostAndNoneAfterClose() {
        ChatSession session = connect(quick());
        server.socket((peer, frame) -> frame.contains("aws/subscribe") ? Flux.just(HostileChatServer.REFUSED) : Flux.empty());
        server.lastPeer().close();
        Awaits.until(() -> server.peers().size() >= 4);
        assertThat(server.openSockets()).isLessThanOrEqualTo(1);
        assertThat(session.engine().openSockets()).isLessThanOrEqualTo(1);
        session.close();
        Awaits.until(() -> server.openSockets() == 0);
        assertThat(session.engine().openSockets()).isZero();
    }

    @Test
    void socketsDroppedRightAfterTheirSubscriptionAreReopenedWithGrowingDelays() {
        server.socket((peer, frame) -> {
            if (frame.contains("aws/subscribe")) {
                return Flux.just(HostileChatServer.SUBSCRIBED).concatWith(Mono.fromRunnable(peer::close));
            }
            return Flux.empty();
        });
        ChatSession session = connect(ChatSessionOptions.builder().backoff(Duration.ofMillis(100), Duration.ofMillis(800)));
        Awaits.until(() -> server.connectionTimes().size() >= 7);
        session.close();
        List<Long> times = server.connectionTimes();
        // the first reconnect is at once; then half of 100, 200, 400, 800, 800 ms at least
        long[] least = {0, 0, 50, 100, 200, 400, 400};
        for (int i = 2; i < 7; i++) {
            long gap = TimeUnit.NANOSECONDS.toMillis(times.get(i) - times.get(i - 1));
            assertThat(gap).as("gap before connection %d", i + 1).isGreaterThanOrEqualTo(least[i]);
        }
    }

    @Test
    void aTranscriptThatNeverAnswersHoldsLiveItemsOnlyUntilTheDeadlineAndTheGapIsTold() {
        ChatSession session = connect(quick().gapFill(Duration.ofMillis(500), 5));
        server.transcript(n -> Mono.never());
        StepVerifier.create(session.items().take(3))
                .then(() -> server.lastPeer().send(HostileChatServer.chatFrame("a", "before")))
                .assertNext(i -> assertThat(i.id()).isEqualTo("a"))
                .then(() -> {
                    server.lastPeer().close();
                    // the second socket is open on the server and active in the session: a frame sent before the session
                    // takes it as its socket would be read again only from the transcript, which never answers here
                    Awaits.until(() -> server.peers().size() == 2 && server.openSockets() == 1
                            && session.states().blockFirst(Duration.ofSeconds(1)).status() == ConnectionState.Status.CONNECTED);
                    server.lastPeer().send(HostileChatServer.chatFrame("b", "after"));
                })
                .assertNext(i -> assertThat(i).isInstanceOfSatisfying(ChatItem.TranscriptGap.class, gap -> {
                    assertThat(gap.afterId()).isEqualTo("a");
                    assertThat(gap.reason()).contains("not read within 500 ms");
                }))
                .assertNext(i -> assertThat(i.id()).isEqualTo("b"))
                .expectComplete()
                .verify(HANG);
    }

    @Test
    void aTranscriptWithoutEndIsReadForAtMostTheConfiguredPages() {
        ChatSession session = connect(quick().gapFill(Duration.ofSeconds(20), 5));
        server.transcript(n -> Mono.just("{\"Transcript\":[{\"Id\":\"t" + n + "\",\"Type\":\"MESSAGE\","
                + "\"ContentType\":\"text/plain\",\"Content\":\"old\",\"AbsoluteTime\":\"2026-01-01T00:00:00.000Z\"}],"
                + "\"NextToken\":\"n" + n + "\"}"));
        StepVerifier.create(session.items().take(7))
                .then(() -> server.lastPeer().close())
                .expectNextCount(5)
                .assertNext(i -> assertThat(i).isInstanceOfSatisfying(ChatItem.TranscriptGap.class,
                        gap -> assertThat(gap.reason()).contains("longer than 5 transcript pages")))
                .then(() -> server.lastPeer().send(HostileChatServer.chatFrame("live", "now")))
                .assertNext(i -> assertThat(i.id()).isEqualTo("live"))
                .expectComplete()
                .verify(HANG);
        assertThat(server.transcriptCalls()).isEqualTo(5);
    }

    @Test
    void aThrottledTranscriptDoesNotStallLiveItems() {
        ChatSession session = connect(quick().gapFill(Duration.ofSeconds(1), 5));
        server.transcript(n -> Mono.just("429"));
        StepVerifier.create(session.items().take(2))
                .then(() -> {
                    server.lastPeer().close();
                    // the second socket is open on the server and active in the session: a frame sent before the session
                    // takes it as its socket would be read again only from the transcript, which never answers here
                    Awaits.until(() -> server.peers().size() == 2 && server.openSockets() == 1
                            && session.states().blockFirst(Duration.ofSeconds(1)).status() == ConnectionState.Status.CONNECTED);
                    server.lastPeer().send(HostileChatServer.chatFrame("b", "after"));
                })
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.TranscriptGap.class))
                .assertNext(i -> assertThat(i.id()).isEqualTo("b"))
                .expectComplete()
                .verify(HANG);
    }

    @Test
    void aMessageAsLargeAsTheServiceAllowsArrivesWithoutAReconnect() {
        ChatSession session = connect(quick());
        String content = "\u0001".repeat(16_384);
        String frame = HostileChatServer.chatFrame("big", content);
        assertThat(frame.length()).isGreaterThan(100_000);
        StepVerifier.create(session.items().take(1))
                .then(() -> server.lastPeer().send(frame))
                .assertNext(i -> assertThat(((ChatItem.Message) i).content()).isEqualTo(content))
                .expectComplete()
                .verify(HANG);
        assertThat(server.connectionTimes()).hasSize(1);
    }

    @Test
    void chatFramesWithoutAnItemAreIgnoredAndTheSocketStays() {
        ChatSession session = connect(quick());
        StepVerifier.create(session.items().take(1))
                .then(() -> {
                    HostileChatServer.Peer peer = server.lastPeer();
                    peer.send("{\"topic\":\"aws/chat\",\"content\":null}");
                    peer.send("{\"topic\":\"aws/chat\",\"content\":\"null\"}");
                    peer.send("{\"topic\":\"aws/chat\"}");
                    peer.send("{\"topic\":\"aws/chat\",\"content\":\"[]\"}");
                    peer.send("{\"topic\":\"aws/chat\",\"content\":42}");
                    peer.send("[1,2]");
                    peer.send("null");
                    peer.send(HostileChatServer.chatFrame("ok", "fine"));
                })
                .assertNext(i -> assertThat(i.id()).isEqualTo("ok"))
                .expectComplete()
                .verify(HANG);
        assertThat(server.connectionTimes()).hasSize(1);
        assertThat(server.peers()).hasSize(1);
    }

    @Test
    void aConnectionAnswerWithoutAUsableSocketUrlIsATypedError() {
        for (String answer : new String[]{"{\"ConnectionCredentials\":{\"ConnectionToken\":\"ct\"}}",
                HostileChatServer.connection("http://127.0.0.1:" + server.port() + "/ws"),
                HostileChatServer.connection("ws://chat.example.invalid/ws"),
                HostileChatServer.connection("not a uri")}) {
            server.connectionAnswer(n -> answer);
            StepVerifier.create(ChatSession.connect(client, "pt", quick().build()))
                    .expectErrorSatisfies(e -> assertThat(e).as(answer).isInstanceOf(ParticipantServiceException.class)
                            .hasMessageContaining("CreateParticipantConnection answered"))
                    .verify(HANG);
        }
        assertThat(server.peers()).isEmpty();
    }
}
