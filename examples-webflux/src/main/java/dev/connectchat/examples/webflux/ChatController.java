package dev.connectchat.examples.webflux;

import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatPosition;
import dev.connectchat.participant.websocket.ChatSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


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

    private final ChatSessions sessions;

    public ChatController(ChatSessions sessions) {
        this.sessions = sessions;
    }

    /** Joins the chat of a participant token. */
    @PostMapping
    public Mono<Started> start(@RequestBody StartChat body) {
        return sessions.start(body.participantToken()).map(Started::new);
    }

    /** Sends a text message. */
    @PostMapping("/{id}/messages")
    public Mono<SendMessageResponse> send(@PathVariable String id, @RequestBody Text body) {
        return session(id).flatMap(session -> session.sendMessage(body.text()));
    }

    /**
     * The chat as Server-Sent Events, one per item, named after its kind, each with its position as the event
     * id. A browser's EventSource that reconnects sends the last id it got as {@code Last-Event-ID}, and gets
     * exactly the items after it; a first connection gets the chat from its start. A first comment, sent at
     * once, tells the browser (and any proxy between) that the stream is open before the first item comes.
     */
    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<ChatItem>> events(@PathVariable String id,
                                                  @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        ChatPosition from;
        try {
            from = lastEventId == null || lastEventId.isBlank() ? ChatPosition.START : ChatPosition.parse(lastEventId);
        } catch (IllegalArgumentException e) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Last-Event-ID: " + e.getMessage()));
        }
        return session(id).flatMapMany(session -> session.items(from))
                .map(item -> ServerSentEvent.builder(item)
                        .id(item.position() == null ? null : item.position().toString())
                        .event(item.getClass().getSimpleName()).build())
                .startWith(ServerSentEvent.<ChatItem>builder().comment("subscribed").build());
    }

    /** The whole transcript, oldest first. */
    @GetMapping("/{id}/transcript")
    public Flux<Item> transcript(@PathVariable String id) {
        return session(id).flatMapMany(ChatSession::transcript);
    }

    /** Leaves the chat. */
    @DeleteMapping("/{id}")
    public Mono<Void> leave(@PathVariable String id) {
        return session(id).flatMap(session -> sessions.leave(id));
    }

    private Mono<ChatSession> session(String id) {
        return sessions.get(id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no chat session " + id);
    }
}
