package dev.connectchat.participant.websocket;

import dev.connectchat.participant.testsupport.Awaits;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session's timers in virtual time, against the real emulator: heartbeats and a dead socket, token
 * refresh before expiry, make-before-break rotation, and the typing interval. Network calls are real; only
 * the session's clocks are virtual.
 */
class ChatSessionTimersTest {
    ParticipantEmulator emulator;
    EmulatedChat chat;
    VirtualTimeScheduler time;
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    ParticipantClient client;
    List<ConnectionState> states = new CopyOnWriteArrayList<>();
    List<ChatSession> sessions = new CopyOnWriteArrayList<>();
    /** Heartbeats that would fire hundreds of times in one jump of virtual time, where a test is not about them. */
    static final Duration NO_HEARTBEAT = Duration.ofDays(1);

    @BeforeEach
    void start() {
        time = VirtualTimeScheduler.getOrSet();
        // the emulator's tokens expire by the wall clock: start the virtual one there
        time.advanceTimeTo(java.time.Instant.now());
        emulator = ParticipantEmulator.start();
        chat = emulator.startChat("Jane");
        client = counting(dev.connectchat.participant.RetryPolicy.defaults());
    }

    /** A client that counts the calls the session makes, by operation. */
    private ParticipantClient counting(dev.connectchat.participant.RetryPolicy retries) {
        ParticipantClient real = ParticipantClient.builder().endpoint(emulator.endpoint()).retryPolicy(retries).build();
        return (ParticipantClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ParticipantClient.class}, (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    AtomicInteger counter = calls.computeIfAbsent(method.getName(), k -> new AtomicInteger());
                    // a call is a subscription: a retry re-subscribes the same Mono
                    return result instanceof reactor.core.publisher.Mono<?> mono
                            ? mono.doOnSubscribe(s -> counter.incrementAndGet()) : result;
                });
    }

    @AfterEach
    void stop() {
        sessions.forEach(ChatSession::close);
        emulator.close();
        VirtualTimeScheduler.reset();
    }

    private ChatSession connect(ChatSessionOptions options) {
        ChatSession session = ChatSession.connect(client, chat.participantToken(), options).block(Duration.ofSeconds(10));
        sessions.add(session);
        session.states().subscribe(states::add);
        return session;
    }

    private int count(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    private long connected() {
        return states.stream().filter(s -> s.status() == ConnectionState.Status.CONNECTED).count();
    }

    @Test
    void answeredHeartbeatsKeepTheSocketAndAnUnansweredOneReplacesIt() {
        ChatSession session = connect(ChatSessionOptions.defaults());
        for (int i = 1; i <= 10; i++) {
            time.advanceTimeBy(Duration.ofSeconds(10));
            long answered = i;
            Awaits.until(() -> session.engine().heartbeatsAnswered() == answered);
        }
        assertThat(states).extracting(ConnectionState::status).containsExactly(ConnectionState.Status.CONNECTED);
        assertThat(count("createParticipantConnection")).isEqualTo(1);

        chat.faults().stopAnsweringHeartbeats(true);
        time.advanceTimeBy(Duration.ofSeconds(10));   // a heartbeat goes out, no answer comes
        assertThat(states).hasSize(1);
        chat.faults().stopAnsweringHeartbeats(false);
        time.advanceTimeBy(Duration.ofSeconds(10));   // still unanswered at the next tick: dead
        Awaits.until(() -> connected() == 2);
        assertThat(states).extracting(ConnectionState::status).containsExactly(ConnectionState.Status.CONNECTED,
                ConnectionState.Status.RECONNECTING, ConnectionState.Status.CONNECTED);
        assertThat(states.get(1).cause()).hasMessageContaining("heartbeat");
        Awaits.until(() -> chat.openWebSockets() == 1);
        session.close();
    }

    /**
     * Under a backlog the heartbeat's answer queues behind the chat frames; frames arriving show the socket alive,
     * so a late answer is not a dead socket. Silence is: no answer and no frame for a whole interval.
     */
    @Test
    void aSocketThatDeliversIsNotDeadForALateHeartbeatAnswer() {
        ChatSession session = connect(ChatSessionOptions.defaults());
        List<ChatItem> items = new CopyOnWriteArrayList<>();
        session.items().subscribe(items::add);
        chat.faults().stopAnsweringHeartbeats(true);
        time.advanceTimeBy(Duration.ofSeconds(10));   // a heartbeat goes out; its answer is late
        chat.agent().sendMessage("frames still arrive");
        Awaits.until(() -> items.size() == 1);
        time.advanceTimeBy(Duration.ofSeconds(10));   // unanswered, but the socket delivered meanwhile
        assertThat(states).extracting(ConnectionState::status).containsExactly(ConnectionState.Status.CONNECTED);
        time.advanceTimeBy(Duration.ofSeconds(10));   // unanswered and silent for a whole interval: dead
        Awaits.until(() -> connected() == 2);
        assertThat(states.get(1).cause()).hasMessageContaining("heartbeat");
        assertThat(count("createParticipantConnection")).isEqualTo(2);
        session.close();
    }

    @Test
    void theSocketIsRotatedMakeBeforeBreak() {
        ChatSession session = connect(ChatSessionOptions.builder().socketRotation(Duration.ofMinutes(59))
                .heartbeatInterval(NO_HEARTBEAT).build());
        List<ChatItem> items = new CopyOnWriteArrayList<>();
        session.items().subscribe(items::add);
        chat.agent().sendMessage("one");
        Awaits.until(() -> items.size() == 1);
        time.advanceTimeBy(Duration.ofMinutes(59));
        Awaits.until(() -> connected() == 2);
        chat.agent().sendMessage("two");
        Awaits.until(() -> items.size() == 2);
        assertThat(states).extracting(ConnectionState::status).as("no reconnecting: the new socket came first")
                .containsExactly(ConnectionState.Status.CONNECTED, ConnectionState.Status.CONNECTED);
        Awaits.until(() -> chat.openWebSockets() == 1);
        assertThat(items).extracting(ChatItem::id).doesNotHaveDuplicates();
        session.close();
    }

    @Test
    void theTokenIsRefreshedAMinuteBeforeItExpires() {
        emulator.close();
        emulator = ParticipantEmulator.builder().connectionTokenLifetime(Duration.ofMinutes(10)).start();
        chat = emulator.startChat();
        client = counting(dev.connectchat.participant.RetryPolicy.defaults());
        ChatSession session = connect(ChatSessionOptions.builder().heartbeatInterval(NO_HEARTBEAT).build());
        assertThat(count("createParticipantConnection")).isEqualTo(1);
        time.advanceTimeBy(Duration.ofMinutes(8));
        assertThat(count("createParticipantConnection")).isEqualTo(1);
        time.advanceTimeBy(Duration.ofMinutes(1).plusSeconds(1));
        Awaits.until(() -> count("createParticipantConnection") == 2);
        assertThat(session.sendMessage("with the new token").block(Duration.ofSeconds(10)).id()).isNotNull();
        assertThat(states).extracting(ConnectionState::status).containsExactly(ConnectionState.Status.CONNECTED);
        session.close();
    }

    @Test
    void atMostOneTypingEventPerTenSeconds() {
        ChatSession session = connect(ChatSessionOptions.defaults());
        session.sendTyping().block(Duration.ofSeconds(10));
        session.sendTyping().block(Duration.ofSeconds(10));
        time.advanceTimeBy(Duration.ofSeconds(9));
        session.sendTyping().block(Duration.ofSeconds(10));
        assertThat(count("sendEvent")).isEqualTo(1);
        time.advanceTimeBy(Duration.ofSeconds(1));
        session.sendTyping().block(Duration.ofSeconds(10));
        assertThat(count("sendEvent")).isEqualTo(2);
        session.close();
    }

    @Test
    void reconnectsBackOffExponentially() {
        client = counting(dev.connectchat.participant.RetryPolicy.none());
        ChatSession session = connect(ChatSessionOptions.builder().heartbeatInterval(NO_HEARTBEAT).build());
        emulator.faults().failNext(1000, 503);
        chat.faults().dropWebSockets();
        // the first attempt is at once; it fails, and the next waits 2 s give or take half
        Awaits.until(() -> session.engine().failedReconnects() == 1);
        int afterFirst = count("createParticipantConnection");
        time.advanceTimeBy(Duration.ofMillis(900));
        assertThat(count("createParticipantConnection")).isEqualTo(afterFirst);
        time.advanceTimeBy(Duration.ofMillis(2100));
        Awaits.until(() -> session.engine().failedReconnects() == 2);
        assertThat(count("createParticipantConnection")).isEqualTo(afterFirst + 1);
        // the second waits 4 s give or take half: nothing within 1.9 s
        time.advanceTimeBy(Duration.ofMillis(1900));
        assertThat(count("createParticipantConnection")).isEqualTo(afterFirst + 1);
        emulator.faults().clear();
        time.advanceTimeBy(Duration.ofSeconds(5));
        Awaits.until(() -> connected() == 2);
        assertThat(states).extracting(ConnectionState::status).containsExactly(ConnectionState.Status.CONNECTED,
                ConnectionState.Status.RECONNECTING, ConnectionState.Status.CONNECTED);
    }

    @Test
    void oneSessionBackingOffDoesNotHoldUpAnotherOfTheSameClient() {
        client = counting(dev.connectchat.participant.RetryPolicy.none());
        ChatSessionOptions options = ChatSessionOptions.builder().heartbeatInterval(NO_HEARTBEAT).build();
        ChatSession failing = connect(options);
        EmulatedChat bob = emulator.startChat("Bob");
        ChatSession healthy = ChatSession.connect(client, bob.participantToken(), options).block(Duration.ofSeconds(10));
        sessions.add(healthy);
        List<ConnectionState> healthyStates = new CopyOnWriteArrayList<>();
        healthy.states().subscribe(healthyStates::add);
        // the first session's reconnects keep failing, until its backoff is some 8 to 16 s
        chat.faults().failNext(1000, 503);
        chat.faults().dropWebSockets();
        for (int failures = 1; failures <= 4; failures++) {
            int expected = failures;
            Awaits.until(() -> failing.engine().failedReconnects() == expected);
            time.advanceTimeBy(Duration.ofSeconds(1L << failures));
        }
        Awaits.until(() -> failing.engine().failedReconnects() == 5); // its next attempt is 15 to 30 s away
        // the second loses a long-lived socket: it is back at once, without waiting for the first one's turn
        bob.faults().dropWebSockets();
        Awaits.until(() -> healthyStates.stream().filter(s -> s.status() == ConnectionState.Status.CONNECTED).count() == 2);
    }
}
