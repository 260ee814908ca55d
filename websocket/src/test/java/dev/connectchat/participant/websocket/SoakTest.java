package dev.connectchat.participant.websocket;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import dev.connectchat.participant.testsupport.Awaits;
import dev.connectchat.participant.testsupport.NettyLeakDetection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many sessions through a network that cuts, stalls and trickles, while the service throttles, fails, delays
 * and expires tokens: every agent message reaches its session exactly once and in order, no gap is left,
 * and once the sessions close no socket, thread or buffer is left behind.
 *
 * <p>{@code mvn verify} runs a light version (40 sessions, 20 s, 200 open/close cycles). The soak profile
 * runs the full one: {@code mvn -B -q -DskipTests -pl websocket -am install && mvn -B -Psoak -pl websocket verify} (1,000 sessions, 10 minutes, 10,000 cycles),
 * or set {@code -Dsoak.sessions}, {@code -Dsoak.seconds}, {@code -Dsoak.cycles}.
 */
class SoakTest {
    private static final int SESSIONS = Integer.getInteger("soak.sessions", 40);
    private static final int SECONDS = Integer.getInteger("soak.seconds", 20);
    private static final int CYCLES = Integer.getInteger("soak.cycles", 200);

    ParticipantEmulator emulator;
    FaultProxy proxy;
    ParticipantClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = ParticipantEmulator.builder().maxChats(SESSIONS + CYCLES + 10).start();
        proxy = new FaultProxy(emulator.endpoint());
        // the URLs the emulator hands out point at the proxy, so chat sockets go through it too
        HttpResponse<String> advertised = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.endpoint() + "/_emulator/endpoint"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Endpoint\":\"" + proxy.endpoint() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(advertised.statusCode()).isEqualTo(200);
        client = ParticipantClient.builder().endpoint(proxy.endpoint()).apiCallAttemptTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stop() {
        proxy.close();
        emulator.close();
    }

    /**
     * Fast heartbeats and backoff, no reconnect budget to speak of: the faults come every 1.5 s. The gap fill may
     * take two minutes: this test is about losing and repeating nothing, and with a thousand sessions cut at once
     * on two cores, under paranoid leak detection, behind throttling and failing GetTranscripts, reading back
     * can take longer than the default 30 s, after which a session goes on behind a TranscriptGap by design.
     */
    private static ChatSessionOptions options() {
        return ChatSessionOptions.builder().heartbeatInterval(Duration.ofSeconds(2))
                .backoff(Duration.ofMillis(50), Duration.ofSeconds(1)).reconnectRate(1000, 1000)
                .gapFill(Duration.ofMinutes(2), 100).build();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void sessionsThroughFaultsLoseAndRepeatNothing() {
        int threadsBefore = Thread.activeCount();
        List<EmulatedChat> chats = new ArrayList<>();
        List<ChatSession> sessions = new ArrayList<>();
        List<List<String>> received = new ArrayList<>();
        AtomicInteger gaps = new AtomicInteger();
        AtomicLong reconnects = new AtomicLong();
        for (int i = 0; i < SESSIONS; i++) {
            chats.add(emulator.startChat("c" + i));
        }
        Flux.fromIterable(chats).flatMapSequential(chat -> ChatSession.connect(client, chat.participantToken(), options()), 64)
                .collectList().block(Duration.ofMinutes(5)).forEach(sessions::add);
        for (ChatSession session : sessions) {
            List<String> got = new CopyOnWriteArrayList<>();
            received.add(got);
            session.items().subscribe(item -> {
                if (item instanceof ChatItem.Message m) {
                    got.add(m.content());
                } else if (item instanceof ChatItem.TranscriptGap) {
                    gaps.incrementAndGet();
                }
            });
            session.states().filter(s -> s.status() == ConnectionState.Status.RECONNECTING)
                    .subscribe(s -> reconnects.incrementAndGet());
        }

        Random random = new Random(7);
        int[] sent = new int[SESSIONS];
        Map<String, Integer> faults = new TreeMap<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        long nextFault = System.nanoTime();
        while (System.nanoTime() < end) {
            for (int k = 0; k < Math.max(1, SESSIONS / 10); k++) {
                int c = random.nextInt(SESSIONS);
                chats.get(c).agent().sendMessage("c" + c + "-m" + sent[c]++);
            }
            if (System.nanoTime() >= nextFault) {
                faults.merge(fault(faults.values().stream().mapToInt(Integer::intValue).sum(), random, chats), 1,
                        Integer::sum);
                nextFault = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            }
            Awaits.pause(Duration.ofMillis(20)); // the agents' pace
        }
        proxy.trickle(Duration.ZERO);
        emulator.faults().clear();
        chats.forEach(chat -> chat.faults().clear());

        long items = 0;
        for (int c = 0; c < SESSIONS; c++) {
            int last = sent[c];
            List<String> expected = new ArrayList<>();
            for (int m = 0; m < last; m++) {
                expected.add("c" + c + "-m" + m);
            }
            List<String> got = received.get(c);
            try {
                Awaits.until(() -> got.size() >= last, Duration.ofMinutes(2));
            } catch (AssertionError stuck) {
                // show what is missing, and where the session stands
                ConnectionState state = sessions.get(c).states().blockFirst(Duration.ofSeconds(1));
                System.out.printf("STUCK session %d: %d of %d, now %s, open sockets %d, last %s%n", c, got.size(), last,
                        state, sessions.get(c).engine().openSockets(), got.isEmpty() ? "-" : got.get(got.size() - 1));
                assertThat(got).as("session %d, now %s, open sockets %d", c, state,
                        sessions.get(c).engine().openSockets()).containsExactlyElementsOf(expected);
            }
            assertThat(got).as("session %d", c).containsExactlyElementsOf(expected);
            items += last;
        }
        sessions.forEach(ChatSession::close);
        // every chat socket is gone, on both sides (the client's pooled REST connections stay, as they should)
        Awaits.until(() -> sessions.stream().allMatch(s -> s.engine().openSockets() == 0));
        Awaits.until(() -> chats.stream().allMatch(chat -> chat.openWebSockets() == 0), Duration.ofSeconds(30));
        assertThat(gaps.get()).as("gaps reported").isZero();
        System.out.printf("SOAK sessions=%d seconds=%d faults=%s items=%d lost=0 duplicated=0 gaps=%d reconnects=%d "
                        + "proxied-connections=%d threads-before=%d threads-after=%d%n", SESSIONS, SECONDS, faults, items,
                gaps.get(), reconnects.get(), proxy.accepted(), threadsBefore, Thread.activeCount());
    }

    /** The {@code n}th fault: each kind in turn, of the network or of the service; returns its name. */
    private String fault(int n, Random random, List<EmulatedChat> chats) {
        proxy.trickle(Duration.ZERO);
        emulator.faults().latency(Duration.ZERO);
        switch (n % 7) {
            case 0 -> {
                proxy.cut();
                return "cut";
            }
            case 1 -> {
                proxy.stall(Duration.ofMillis(1500 + random.nextInt(3000)));
                return "stall";
            }
            case 2 -> {
                proxy.trickle(Duration.ofMillis(5 + random.nextInt(20)));
                return "trickle";
            }
            case 3 -> {
                emulator.faults().throttleNext(5 + random.nextInt(20));
                return "throttle";
            }
            case 4 -> {
                emulator.faults().failNext(2 + random.nextInt(5), random.nextBoolean() ? 500 : 503);
                return "fail";
            }
            case 5 -> {
                chats.get(random.nextInt(chats.size())).faults().expireConnectionTokens().dropWebSockets();
                return "expire+drop";
            }
            default -> {
                emulator.faults().latency(Duration.ofMillis(random.nextInt(300)));
                return "latency";
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void openAndCloseCyclesLeaveNothingBehind() {
        EmulatedChat chat = emulator.startChat("cycles");
        ParticipantClient direct = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
        for (int i = 0; i < CYCLES; i++) {
            ChatSession session = ChatSession.connect(direct, chat.participantToken(), options())
                    .block(Duration.ofSeconds(30));
            session.close();
        }
        Awaits.until(() -> chat.openWebSockets() == 0);
        NettyLeakDetection.assertNoLeaks("open/close cycles");
        System.out.printf("SOAK cycles=%d leaks=0%n", CYCLES);
    }
}
