package dev.connectchat.examples.webflux;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/** The chat endpoints: {@code /chats}. */
@RestController
@RequestMapping("/chats")
public class ChatController {
    /** The body of {@code POST /chats}. */
    public record StartChat(String participantToken) {
    }

    /** The body of {@code POST /chats/{id}/messages}. */
    public record Text(String text) {
    }

    /** The answer of {@code POST /chats}. */
    public record Started(String sessionId) {
    }

    /**
     * Session ids let their holder read and write a chat, so they must not be guessable. A DRBG reads the
     * system's entropy once, when seeded, never again on an event loop (UUID.randomUUID would, per id).
     */
    private static final SecureRandom IDS = drbg();

    private final ParticipantClient client;
    private final Map<String, ChatSession> sessions = new ConcurrentHashMap<>();

    public ChatController(ParticipantClient client) {
        this.client = client;
    }

    /** Joins the chat of a participant token. */
    @PostMapping
    public Mono<Started> start(@RequestBody StartChat body) {
        return ChatSession.connect(client, body.participantToken()).map(session -> {
            byte[] raw = new byte[18];
            IDS.nextBytes(raw);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            sessions.put(id, session);
            // the session forgets itself when its chat ends
            session.states().last().subscribe(state -> sessions.remove(id));
            return new Started(id);
        });
    }

    /** Sends a text message. */
    @PostMapping("/{id}/messages")
    public Mono<SendMessageResponse> send(@PathVariable String id, @RequestBody Text body) {
        return session(id).sendMessage(body.text());
    }

    /**
     * The chat as Server-Sent Events, one per item, named after its kind. A first comment, sent at once,
     * tells the browser (and any proxy between) that the stream is open before the first item comes.
     */
    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<ChatItem>> events(@PathVariable String id) {
        return session(id).items()
                .map(item -> ServerSentEvent.builder(item).id(item.id()).event(item.getClass().getSimpleName()).build())
                .startWith(ServerSentEvent.<ChatItem>builder().comment("subscribed").build());
    }

    /** The whole transcript, oldest first. */
    @GetMapping("/{id}/transcript")
    public Flux<Item> transcript(@PathVariable String id) {
        return session(id).transcript();
    }

    /** Leaves the chat. */
    @DeleteMapping("/{id}")
    public Mono<Void> leave(@PathVariable String id) {
        ChatSession session = sessions.remove(id);
        return session == null ? Mono.error(notFound(id)) : session.disconnect();
    }

    private static SecureRandom drbg() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextBytes(new byte[1]); // seed now, at start-up
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no DRBG SecureRandom", e);
        }
    }

    private ChatSession session(String id) {
        ChatSession session = sessions.get(id);
        if (session == null) {
            throw notFound(id);
        }
        return session;
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no chat session " + id);
    }
}
