package dev.connectchat.participant.websocket;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.interactive.InteractiveReply;
import dev.connectchat.participant.model.ContentTypes;
import dev.connectchat.participant.model.DisconnectParticipantRequest;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.SendEventResponse;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.model.Websocket;
import dev.connectchat.participant.websocket.internal.Presence;
import dev.connectchat.participant.websocket.internal.Receipts;
import dev.connectchat.participant.websocket.internal.SessionEngine;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * A participant's live chat: the other side's messages and events as they happen, over the chat WebSocket,
 * and the calls to talk back.
 *
 * <p>The session keeps itself connected: it answers for heartbeats, reconnects with backoff after a network
 * loss, refreshes the connection token before it expires, replaces its socket before the socket's lifetime
 * ends, and after every reconnect reads what it missed from the transcript, so that {@link #items()} loses
 * nothing and repeats nothing. Callers never handle the connection token.
 *
 * <pre>{@code
 * ChatSession.connect(client, participantToken)
 *     .flatMapMany(session -> session.items())
 *     .ofType(ChatItem.Message.class)
 *     .subscribe(m -> System.out.println(m.displayName() + ": " + m.content()));
 * }</pre>
 */
public final class ChatSession implements AutoCloseable {
    private static final String EVENT = ContentTypes.EVENT_PREFIX;

    private final ParticipantClient client;
    private final SessionEngine engine;
    private final Presence presence;
    private final ChatPosition resumedFrom;
    private final long typingIntervalMillis;
    private long lastTypingMillis = Long.MIN_VALUE / 2;
    private final Duration receiptInterval;
    private Receipts receipts;

    private ChatSession(ParticipantClient client, String participantToken, ChatSessionOptions options,
                        ChatPosition resumedFrom) {
        this.client = client;
        this.presence = new Presence();
        this.engine = new SessionEngine(client, participantToken, options, item -> {
            presence.apply(item);
            if (item instanceof ChatItem.ChatEnded) {
                receipts().stop();
            }
        });
        this.receiptInterval = options.receiptInterval();
        this.resumedFrom = resumedFrom;
        this.typingIntervalMillis = options.typingInterval().toMillis();
    }

    /**
     * @param client the REST client (its endpoint is the service's, or an emulator's)
     * @param participantToken the participant token from StartChatContact
     * @return emits the session once its socket is open and subscribed
     */
    public static Mono<ChatSession> connect(ParticipantClient client, String participantToken) {
        return connect(client, participantToken, ChatSessionOptions.defaults());
    }

    /**
     * @param client the REST client
     * @param participantToken the participant token from StartChatContact
     * @param options how the session keeps its connection
     * @return emits the session once its socket is open and subscribed; fails with
     *         {@link dev.connectchat.participant.AccessDeniedException} for a bad token or an ended chat
     */
    public static Mono<ChatSession> connect(ParticipantClient client, String participantToken,
                                            ChatSessionOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> {
            if (participantToken == null || participantToken.isEmpty()) {
                return Mono.error(new IllegalArgumentException("participantToken is required"));
            }
            ChatSession session = new ChatSession(client, participantToken, options, null);
            return session.engine.start().thenReturn(session);
        });
    }

    /**
     * @param client the REST client (a new one, in another process, is fine)
     * @param snapshot what {@link #snapshot()} gave, maybe through {@link SessionSnapshot#encode()}
     * @return as {@link #resume(ParticipantClient, SessionSnapshot, ChatSessionOptions)} with the default options
     */
    public static Mono<ChatSession> resume(ParticipantClient client, SessionSnapshot snapshot) {
        return resume(client, snapshot, ChatSessionOptions.defaults());
    }

    /**
     * Goes on with a session from its snapshot, in this process or another: its {@link #items()} start right after
     * the snapshot's position, with nothing lost or repeated. While the snapshot's connection token and socket URL
     * live, no CreateParticipantConnection is made; when they have expired, one is made from its participant token.
     *
     * <p>When the chat ended meanwhile, the session emits a {@link ChatItem.ChatEnded} and completes. The service
     * refuses an ended chat's tokens, so what was said between the snapshot and the end cannot be read back.
     *
     * @param client the REST client
     * @param snapshot the snapshot
     * @param options how the session keeps its connection
     * @return emits the session once its socket is open and subscribed, or at once when the chat has ended
     */
    public static Mono<ChatSession> resume(ParticipantClient client, SessionSnapshot snapshot, ChatSessionOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> {
            ChatSession session = new ChatSession(client, snapshot.participantToken(), options, snapshot.position());
            String url = snapshot.webSocketUrl();
            session.engine.resume(snapshot.connectionToken(), snapshot.connectionExpiry(), url == null ? null
                    : Websocket.builder().url(url).connectionExpiry(snapshot.webSocketExpiry()).build(), snapshot.position());
            session.presence.resume(snapshot.knownParticipants());
            return session.engine.start().thenReturn(session)
                    // the chat ended meanwhile: its items() tell so (a ChatEnded) and complete
                    .onErrorResume(AccessDeniedException.class, ended -> Mono.just(session));
        });
    }

    /**
     * @return what is needed to go on with this session elsewhere ({@link #resume}): its tokens, its socket URL,
     *         the position of the last item it delivered on {@link #items()} and the participants when known
     */
    public SessionSnapshot snapshot() {
        Map<String, Object> values = new HashMap<>();
        engine.snapshot(values::put);
        values.put("participants", presence.snapshot());
        return new SessionSnapshot(values);
    }

    /**
     * The chat's items after a position: what the transcript holds after it, then the live items, as one
     * gap-free, duplicate-free {@code Flux}, across reconnects. Each subscriber reads on its own, at its own
     * position, with its own buffer of {@link ChatSessionOptions#bufferSize()} live items (held while it reads the
     * transcript), so a slow one holds up no other. {@link ChatPosition#START} gives the whole history, then live;
     * the position of an item a subscriber handled (stored, or sent as an SSE event id) gives what came after.
     * A {@link ChatItem.ChatEnded} comes last. When the transcript cannot be read, a
     * {@link ChatItem.TranscriptGap} says so and the live items follow.
     *
     * @param from where to read on from
     * @return the items after {@code from}
     */
    public Flux<ChatItem> items(ChatPosition from) {
        Objects.requireNonNull(from, "from");
        return engine.items(from);
    }

    /**
     * The chat's participants now: who joined and has not left, idle or not, kept up to date from the items
     * without reading the transcript again (it is read once, the first time, unless the session was resumed
     * from a snapshot that knew them).
     *
     * @return emits the participants
     */
    public Mono<List<ChatParticipant>> participants() {
        return presence.current(engine.history());
    }

    /**
     * The chat's items from now on (for a {@link #resume resumed} session: from right after the snapshot's
     * position). Live: each subscriber sees the items that arrive after it subscribed, each exactly once and in
     * transcript order, across reconnects; {@link #items(ChatPosition)} reads what came before. A {@link ChatItem.ChatEnded} item comes last,
     * then the flux completes; it also completes when the session is closed, and fails if the session gives
     * up reconnecting. A subscriber that falls more than {@link ChatSessionOptions#bufferSize()} items behind
     * is handled by the overflow policy ({@link ItemBufferOverflowException} by default).
     *
     * @return the items
     */
    public Flux<ChatItem> items() {
        return resumedFrom == null ? engine.items() : engine.items(resumedFrom);
    }

    /** @return the connection's states, the current one first, until {@link ConnectionState.Status#CLOSED} */
    public Flux<ConnectionState> states() {
        return engine.states();
    }

    /**
     * @param text a {@code text/plain} message
     * @return emits the message's id and time
     */
    public Mono<SendMessageResponse> sendMessage(String text) {
        return sendMessage(ContentTypes.TEXT_PLAIN, text);
    }

    /**
     * @param contentType {@code text/plain}, {@code text/markdown}, {@code application/json} or
     *                    {@code application/vnd.amazonaws.connect.message.interactive.response}
     * @param content the message
     * @return emits the message's id and time
     */
    public Mono<SendMessageResponse> sendMessage(String contentType, String content) {
        return engine.withToken(token -> client.sendMessage(SendMessageRequest.builder().connectionToken(token)
                .contentType(contentType).content(content).build()))
                .doOnNext(sent -> receipts().own(sent.id()));
    }

    /**
     * @param reply the answer to an interactive message, built by {@link InteractiveReply}
     * @return emits the message's id and time
     */
    public Mono<SendMessageResponse> reply(InteractiveReply reply) {
        return sendMessage(reply.contentType(), reply.content());
    }

    /**
     * Tells the other side this participant is typing; at most one event per
     * {@link ChatSessionOptions#typingInterval()} is sent, as the service and other clients expect.
     *
     * @return completes when sent, or at once when one was sent too recently
     */
    public Mono<Void> sendTyping() {
        return Mono.defer(() -> typingAllowed()
                ? event("typing", null).then()
                : Mono.empty());
    }

    /**
     * Acknowledges an item as read, the way the official clients do: receipts are gathered for
     * {@link ChatSessionOptions#receiptInterval()} and sent together; a read receipt replaces a delivered one still
     * waiting; only messages and attachments from an agent or a customer get one, never this participant's own, each
     * at most once; none after the chat ended; and the service's refusal in a chat of more than two participants
     * (409) completes quietly.
     *
     * @param item an item from {@link #items()}
     * @return completes when the receipt was sent, or at once when none is needed
     */
    public Mono<Void> markRead(ChatItem item) {
        return receipts().mark(Objects.requireNonNull(item, "item"), true);
    }

    /**
     * Acknowledges an item as delivered; the rules of {@link #markRead(ChatItem)} apply.
     *
     * @param item an item from {@link #items()}
     * @return completes when the receipt was sent, or at once when none is needed
     */
    public Mono<Void> markDelivered(ChatItem item) {
        return receipts().mark(Objects.requireNonNull(item, "item"), false);
    }

    /**
     * Sends a read receipt now, without the batching and rules of {@link #markRead(ChatItem)}.
     *
     * @param messageId the message read
     * @return emits the receipt's id and time
     */
    public Mono<SendEventResponse> sendReadReceipt(String messageId) {
        return event("message.read", receipt(messageId));
    }

    /**
     * Sends a delivered receipt now, without the batching and rules of {@link #markDelivered(ChatItem)}.
     *
     * @param messageId the message delivered
     * @return emits the receipt's id and time
     */
    public Mono<SendEventResponse> sendDeliveredReceipt(String messageId) {
        return event("message.delivered", receipt(messageId));
    }

    /**
     * Uploads a file as an attachment; see {@link ParticipantClient#uploadAttachment(String, String, String, Path)}.
     *
     * @param attachmentName the name the other side sees
     * @param contentType the MIME type
     * @param file the file
     * @return emits the attachment id
     */
    public Mono<String> uploadAttachment(String attachmentName, String contentType, Path file) {
        return engine.withToken(token -> client.uploadAttachment(token, attachmentName, contentType, file))
                .doOnNext(receipts()::own);
    }

    /**
     * Uploads bytes as an attachment; see {@link ParticipantClient#uploadAttachment(String, String, String,
     * Publisher, long)}.
     *
     * @param attachmentName the name the other side sees
     * @param contentType the MIME type
     * @param content the bytes
     * @param sizeInBytes how many bytes {@code content} emits
     * @return emits the attachment id
     */
    public Mono<String> uploadAttachment(String attachmentName, String contentType, Publisher<ByteBuffer> content,
                                         long sizeInBytes) {
        return engine.withToken(token -> client.uploadAttachment(token, attachmentName, contentType, content,
                sizeInBytes)).doOnNext(receipts()::own);
    }

    /**
     * @param attachmentId an attachment of the chat
     * @return the attachment's bytes, streamed
     */
    public Flux<ByteBuffer> downloadAttachment(String attachmentId) {
        return engine.withTokenMany(token -> client.downloadAttachment(token, attachmentId));
    }

    /**
     * The transcript, paged on demand; see {@link ParticipantClient#transcript(GetTranscriptRequest)}. The
     * request's connection token is the session's.
     *
     * @param request the paging options (its connection token is ignored)
     * @return the items
     */
    public Flux<Item> transcript(GetTranscriptRequest request) {
        return engine.withTokenMany(token -> client.transcript(request.toBuilder().connectionToken(token).build()));
    }

    /** @return the whole transcript, oldest first, paged on demand */
    public Flux<Item> transcript() {
        return transcript(GetTranscriptRequest.builder()
                .scanDirection(dev.connectchat.participant.model.ScanDirection.FORWARD)
                .sortOrder(dev.connectchat.participant.model.SortKey.ASCENDING)
                .startPosition(dev.connectchat.participant.model.StartPosition.builder()
                        .absoluteTime(java.time.Instant.EPOCH).build())
                .maxResults(100).build());
    }

    /**
     * Leaves the chat (DisconnectParticipant), then closes the session.
     *
     * @return completes when done
     */
    public Mono<Void> disconnect() {
        return engine.withToken(token -> client.disconnectParticipant(DisconnectParticipantRequest.builder()
                        .connectionToken(token).build()))
                .then(Mono.fromRunnable(this::close));
    }

    /** Closes the socket and stops every timer, without leaving the chat; {@link #items()} completes. */
    @Override
    public void close() {
        receipts().stop();
        engine.close();
    }

    /** @return the machinery, for this package's tests */
    /** @return the receipts' batching, made on first use (an idle session needs none) */
    private synchronized Receipts receipts() {
        if (receipts == null) {
            receipts = new Receipts(receiptInterval, (event, messageId) -> event(event, receipt(messageId)));
        }
        return receipts;
    }

    /** @return whether a typing event may be sent now (at most one per typing interval) */
    private synchronized boolean typingAllowed() {
        long now = Schedulers.parallel().now(TimeUnit.MILLISECONDS);
        if (now - lastTypingMillis < typingIntervalMillis) {
            return false;
        }
        lastTypingMillis = now;
        return true;
    }

    SessionEngine engine() {
        return engine;
    }

    private Mono<SendEventResponse> event(String name, String content) {
        return engine.withToken(token -> client.sendEvent(SendEventRequest.builder().connectionToken(token)
                .contentType(EVENT + name).content(content).build()));
    }

    /** @return the receipt's content, the id escaped as JSON requires (control characters included) */
    static String receipt(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return "{\"messageId\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(messageId)) + "\"}";
    }
}
