package dev.connectchat.examples.webflux;

import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.websocket.ChatPosition;
import dev.connectchat.participant.websocket.ChatSession;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a browser sees it, over real HTTP: an EventSource that drops and comes back with
 * {@code Last-Event-ID} during a burst, and the service restarted in the middle of a chat. Either way the
 * browser sees every agent message exactly once, in order.
 */
class ResumableStreamTest {
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE = new ParameterizedTypeReference<>() {
    };
    static ParticipantEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = ParticipantEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static ConfigurableApplicationContext app(SessionStore store) {
        return new SpringApplicationBuilder(ChatServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("sessionStore", store))
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--connectchat.endpoint=" + emulator.endpoint());
    }

    private static WebClient web(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebClient.create("http://127.0.0.1:" + port);
    }

    private static String startChat(WebClient web, EmulatedChat chat) {
        return web.post().uri("/chats").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("participantToken", chat.participantToken()))
                .retrieve().bodyToMono(ChatController.Started.class).block(Duration.ofSeconds(10)).sessionId();
    }

    /**
     * How long the browser waits for the next item before the test calls the stream stalled. Longer than the
     * client's 30 s response timeout: a transcript read stalls about once in a thousand (the open defect
     * TranscriptReadStallTest reproduces) until that timeout and its retry, which loses and repeats nothing,
     * and that is what these tests check. A stream that waited 30 s passes, slowly.
     */
    static final Duration PATIENCE = Duration.ofSeconds(75);

    /** What the browser has: the agent's messages in the order it got them, and the last event id. */
    static final class Browser {
        final List<String> messages = new ArrayList<>();
        String lastEventId;

        /**
         * Follows the stream until {@code stopAfter} more agent messages came or {@code last} did, then drops it;
         * if that takes {@link #PATIENCE}, fails with what the browser, the service and the emulator had then.
         */
        void follow(ConfigurableApplicationContext app, String sessionId, int stopAfter, String last, EmulatedChat chat) {
            int[] seen = {0};
            List<String> events = new ArrayList<>();
            try {
                stream(web(app), sessionId, stopAfter, last, seen, events);
            } catch (IllegalStateException timeout) {
                ChatSession session = app.getBean(ChatSessions.class).get(sessionId).block(Duration.ofSeconds(5));
                throw new AssertionError("the stream stalled: " + seen[0] + " of " + stopAfter + " agent messages, "
                        + messages.size() + " in all, last event id " + lastEventId + ", last events "
                        + events.subList(Math.max(0, events.size() - 5), events.size())
                        + "; the service's session: " + (session == null ? "none" : session.states().next()
                        .map(Object::toString).block(Duration.ofSeconds(5)))
                        + "; the emulator's chat: " + chat.transcript().size() + " items, " + chat.openWebSockets()
                        + " open sockets; the session's transcript read now: " + probe(session, ChatSession::transcript)
                        + "; items(START) now: " + probe(session, s -> s.items(ChatPosition.START).take(3))
                        + "\n" + threads(), timeout);
            }
        }

        /** @return how many items {@code read} counts now, or why it could not */
        private static String probe(ChatSession session, Function<ChatSession, Flux<?>> read) {
            try {
                return session == null ? "-" : read.apply(session).count().block(Duration.ofSeconds(5)) + " items";
            } catch (RuntimeException e) {
                return e.toString();
            }
        }

        /** @return the stacks of the threads that are in code of ours or Reactor's, for a stall */
        private static String threads() {
            StringBuilder out = new StringBuilder();
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                String text = java.util.Arrays.stream(stack).limit(25).map(f -> "    at " + f)
                        .collect(java.util.stream.Collectors.joining("\n"));
                if (text.contains("connectchat") || text.contains("reactor")) {
                    out.append(thread.getName()).append(' ').append(thread.getState()).append('\n').append(text).append('\n');
                }
            });
            return out.toString();
        }

        private void stream(WebClient web, String sessionId, int stopAfter, String last, int[] seen, List<String> events) {
            web.get().uri("/chats/{id}/events", sessionId).accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(h -> {
                        if (lastEventId != null) {
                            h.set("Last-Event-ID", lastEventId);
                        }
                    })
                    .retrieve().bodyToFlux(SSE)
                    .doOnNext(e -> events.add(e.id() == null ? "comment " + e.comment() : e.event() + " " + e.id()))
                    .filter(e -> e.id() != null)
                    .doOnNext(e -> {
                        lastEventId = e.id();
                        if ("Message".equals(e.event()) && "AGENT".equals(e.data().get("role"))) {
                            messages.add((String) e.data().get("content"));
                            seen[0]++;
                        }
                    })
                    .takeUntil(e -> seen[0] >= stopAfter || messages.contains(last))
                    .blockLast(PATIENCE);
        }
    }

    private static List<String> numbered(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "m" + i).toList();
    }

    @Test
    void anEventSourceThatDropsAndReconnectsDuringABurstSeesEachMessageOnce() {
        try (ConfigurableApplicationContext app = app(new InMemorySessionStore())) {
            WebClient web = web(app);
            EmulatedChat chat = emulator.startChat("Jane");
            String sessionId = startChat(web, chat);
            chat.agent().join();
            Schedulers.boundedElastic().schedule(() -> numbered(0, 500).forEach(chat.agent()::sendMessage));

            Browser browser = new Browser();
            int reconnects = 0;
            while (!browser.messages.contains("m499")) {
                browser.follow(app, sessionId, 37, "m499", chat); // drops after 37 messages, comes back with its last id
                reconnects++;
            }
            assertThat(reconnects).isGreaterThan(10);
            assertThat(browser.messages).containsExactlyElementsOf(numbered(0, 500));
        }
    }

    @Test
    void aRestartInTheMiddleOfAChatLosesAndRepeatsNothing() {
        SessionStore store = new InMemorySessionStore(); // outlives the application, as a database would
        EmulatedChat chat = emulator.startChat("Jane");
        Browser browser = new Browser();
        String sessionId;
        try (ConfigurableApplicationContext first = app(store)) {
            WebClient web = web(first);
            sessionId = startChat(web, chat);
            chat.agent().join();
            Schedulers.boundedElastic().schedule(() -> numbered(0, 100).forEach(chat.agent()::sendMessage));
            browser.follow(first, sessionId, 50, "m99", chat);
        }
        // the service is down: the agent goes on
        numbered(100, 200).forEach(chat.agent()::sendMessage);
        try (ConfigurableApplicationContext second = app(store)) {
            WebClient web = web(second);
            browser.follow(second, sessionId, Integer.MAX_VALUE, "m199", chat);
            assertThat(browser.messages).containsExactlyElementsOf(numbered(0, 200));
            web.post().uri("/chats/{id}/messages", sessionId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "still here")).retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
        }
        assertThat(chat.transcript()).anySatisfy(i -> assertThat(i.content()).isEqualTo("still here"));
    }
}
