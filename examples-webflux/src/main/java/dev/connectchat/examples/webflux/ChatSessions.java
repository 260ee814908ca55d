package dev.connectchat.examples.webflux;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.websocket.ChatSession;
import dev.connectchat.participant.websocket.ConnectionState;
import dev.connectchat.participant.websocket.SessionSnapshot;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's chat sessions, by an unguessable session id. They outlive the application: each one's snapshot
 * is in the {@link SessionStore} from its start, refreshed when the application stops; at start-up every stored
 * session is resumed, and requests for a session wait until the resuming is done.
 */
@Component
public class ChatSessions {
    private static final Logger log = LoggerFactory.getLogger(ChatSessions.class);
    /**
     * Session ids let their holder read and write a chat, so they must not be guessable. A DRBG reads the
     * system's entropy once, when seeded, never again on an event loop (UUID.randomUUID would, per id).
     */
    private static final SecureRandom IDS = drbg();

    private final ParticipantClient client;
    private final SessionStore store;
    private final Map<String, ChatSession> sessions = new ConcurrentHashMap<>();
    private final Sinks.One<Void> resumed = Sinks.one();
    private volatile boolean stopping;

    public ChatSessions(ParticipantClient client, SessionStore store) {
        this.client = client;
        this.store = store;
    }

    /** @return the id of a new session in the chat of {@code participantToken} */
    public Mono<String> start(String participantToken) {
        return ChatSession.connect(client, participantToken).flatMap(session -> {
            byte[] raw = new byte[18];
            IDS.nextBytes(raw);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            return keep(id, session).thenReturn(id);
        });
    }

    /** @return the session, once the stored ones are resumed; empty when there is none of that id */
    public Mono<ChatSession> get(String id) {
        return resumed.asMono().then(Mono.fromSupplier(() -> sessions.get(id)));
    }

    /** Leaves the chat of a session and forgets it. */
    public Mono<Void> leave(String id) {
        ChatSession session = sessions.remove(id);
        return session == null ? Mono.empty() : session.disconnect().then(store.remove(id));
    }

    /** Resumes every stored session (a restart, a deploy, another instance taking over). */
    @EventListener(ApplicationStartedEvent.class)
    public void resumeStored() {
        Long count = store.all()
                .flatMap(stored -> Mono.fromCallable(() -> SessionSnapshot.decode(stored.snapshot()))
                        .flatMap(snapshot -> ChatSession.resume(client, snapshot))
                        .flatMap(session -> keep(stored.sessionId(), session).thenReturn(stored.sessionId()))
                        .onErrorResume(e -> {
                            log.warn("could not resume a stored chat session: {}", e.toString());
                            return store.remove(stored.sessionId()).then(Mono.empty());
                        }), 64)
                .count()
                .block(Duration.ofMinutes(2));
        log.info("resumed the stored chat sessions ({})", count);
        resumed.tryEmitEmpty();
    }

    /** Stores every session's latest snapshot, then closes the sessions (their chats go on without us). */
    @PreDestroy
    public void suspend() {
        stopping = true;
        sessions.forEach((id, session) -> {
            store.save(id, session.snapshot().encode()).block(Duration.ofSeconds(10));
            session.close();
        });
        sessions.clear();
    }

    private Mono<Void> keep(String id, ChatSession session) {
        sessions.put(id, session);
        // the session is forgotten when its chat ends, not when the application stops
        session.states().last().subscribe(state -> {
            if (!stopping && state.status() == ConnectionState.Status.CLOSED && sessions.remove(id, session)) {
                store.remove(id).subscribe();
            }
        });
        return store.save(id, session.snapshot().encode());
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
}
