package dev.connectchat.participant.websocket.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.ValidationException;
import dev.connectchat.participant.internal.Json;
import dev.connectchat.participant.model.ConnectionCredentials;
import dev.connectchat.participant.model.ConnectionType;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.ScanDirection;
import dev.connectchat.participant.model.SortKey;
import dev.connectchat.participant.model.StartPosition;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatSessionOptions;
import dev.connectchat.participant.websocket.ConnectionState;
import dev.connectchat.participant.websocket.ItemBufferOverflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The machinery of one chat session: the active socket and its heartbeat, reconnection with backoff, the
 * connection token and its refresh, make-before-break socket rotation, and the gap fill that makes the item
 * stream lose nothing and repeat nothing across reconnects.
 *
 * <p>All state changes happen under this object's lock, and items are emitted under it, so subscribers see
 * them in order. Timers run on Reactor's parallel scheduler, taken when they are set, so that tests drive
 * them with virtual time.
 */
public final class SessionEngine {
    private static final Logger log = LoggerFactory.getLogger(SessionEngine.class);
    private static final Duration SUBSCRIBE_RETRY = Duration.ofMillis(500);
    private static final int SUBSCRIBE_ATTEMPTS = 5;
    /** Made up front: Jackson builds a deserializer at first use under a lock an event loop would wait on. */
    private static final ObjectReader ITEM = Json.reader(Item.class);

    private final ParticipantClient client;
    private final String participantToken;
    private final ChatSessionOptions options;
    private final Sinks.Many<ChatItem> items = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<ConnectionState> states = Sinks.many().replay().latest();
    private final SeenIds seen;
    private final SessionMetrics metrics;

    private volatile String token;
    private Instant startedAt;
    private SocketLink active;
    private long generations;
    private String lastId;
    private Instant lastTime;
    private List<Item> pending;
    private Disposable gapFill;
    private Disposable heartbeat;
    private Disposable rotation;
    private Disposable tokenRefresh;
    private Disposable reconnecting;
    private long lastTypingMillis = Long.MIN_VALUE / 2;
    private volatile long heartbeatsAnswered;
    private volatile long failedReconnects;
    private boolean closed;

    /**
     * @param client the REST client
     * @param participantToken the participant token
     * @param options the options
     */
    public SessionEngine(ParticipantClient client, String participantToken, ChatSessionOptions options) {
        this.client = client;
        this.participantToken = participantToken;
        this.options = options;
        this.seen = new SeenIds(options.deduplicationWindow());
        this.metrics = options.meterRegistry() == null ? SessionMetrics.NONE
                : MicrometerSessionMetrics.of(options.meterRegistry());
    }

    // ---- the public face, for ChatSession ----

    /** @return completes once the first socket is open and subscribed */
    public Mono<Void> start() {
        return Mono.defer(() -> {
            synchronized (this) {
                startedAt = Instant.ofEpochMilli(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
                states.tryEmitNext(ConnectionState.of(ConnectionState.Status.CONNECTING));
            }
            // a first socket that fails for a passing reason is tried again, twice, with the reconnect backoff
            return establish().retryWhen(Retry.backoff(2, options.minBackoff()).maxBackoff(options.maxBackoff())
                    .filter(e -> !(e instanceof AccessDeniedException))
                    .doBeforeRetry(r -> log.info("opening the chat socket failed ({}); trying again",
                            r.failure().toString()))
                    .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        }).doOnNext(link -> {
            metrics.opened();
            activate(link, false);
        }).then().doOnError(this::shutdown);
    }

    /** @return the items, hot, each subscriber with its own bounded buffer */
    public Flux<ChatItem> items() {
        int size = options.bufferSize();
        return items.asFlux()
                .onBackpressureBuffer(size, dropped -> log.debug("dropped {} for a slow subscriber", dropped.id()),
                        options.overflowStrategy())
                .onErrorMap(Exceptions::isOverflow, e -> new ItemBufferOverflowException(size));
    }

    /** @return the connection states, the current one first */
    public Flux<ConnectionState> states() {
        return states.asFlux();
    }

    /**
     * Runs a REST call with the current connection token; if the service denies it (the token expired or was
     * rotated), refreshes the token once and runs it again.
     */
    public <T> Mono<T> withToken(Function<String, Mono<T>> call) {
        return Mono.defer(() -> call.apply(token))
                .onErrorResume(AccessDeniedException.class, denied -> refreshCredentials().flatMap(call));
    }

    /**
     * As {@link #withToken}, for calls that emit many items: the call is run again with a fresh token only
     * if the service denied it before its first item, so that nothing is emitted twice.
     */
    public <T> Flux<T> withTokenMany(Function<String, Flux<T>> call) {
        return Flux.defer(() -> {
            boolean[] emitted = {false};
            return call.apply(token)
                    .doOnNext(item -> emitted[0] = true)
                    .onErrorResume(e -> e instanceof AccessDeniedException && !emitted[0],
                            denied -> refreshCredentials().flatMapMany(call));
        });
    }

    /** @return whether a typing event may be sent now (at most one per typing interval) */
    public synchronized boolean typingAllowed() {
        long now = Schedulers.parallel().now(TimeUnit.MILLISECONDS);
        if (now - lastTypingMillis < options.typingInterval().toMillis()) {
            return false;
        }
        lastTypingMillis = now;
        return true;
    }

    /** @return how many heartbeats were answered so far (for tests and diagnostics) */
    public long heartbeatsAnswered() {
        return heartbeatsAnswered;
    }

    /** @return how many reconnect attempts failed so far (for tests and diagnostics) */
    public long failedReconnects() {
        return failedReconnects;
    }

    /** Stops the socket and every timer; the chat goes on without this participant's socket. */
    public void close() {
        shutdown(null);
    }

    // ---- connecting ----

    private Mono<SocketLink> establish() {
        return client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                        .participantToken(participantToken)
                        .type(ConnectionType.WEBSOCKET, ConnectionType.CONNECTION_CREDENTIALS)
                        .connectParticipant(true)
                        .build())
                .flatMap(r -> {
                    onCredentials(r.connectionCredentials());
                    return open(r.websocket().url());
                });
    }

    private Mono<SocketLink> open(String url) {
        return Mono.<SocketLink>create(sink -> {
            SocketLink link;
            synchronized (this) {
                link = new SocketLink(++generations);
            }
            link.opened = sink;
            link.connection = options.webSocketClient().websocket().uri(url)
                    .handle((in, out) -> {
                        link.out = out;
                        link.send(SocketLink.SUBSCRIBE);
                        return out.sendString(link.frames(), StandardCharsets.UTF_8).then()
                                .and(in.aggregateFrames().receive().asString(StandardCharsets.UTF_8)
                                        .doOnNext(frame -> onFrame(link, frame)));
                    })
                    .subscribe(null, e -> onLinkEnded(link, e), () -> onLinkEnded(link, null));
            sink.onCancel(() -> {
                if (!link.subscribed) {
                    link.abort();
                }
            });
        }).timeout(options.heartbeatInterval().multipliedBy(2));
    }

    private void onFrame(SocketLink link, String text) {
        JsonNode frame;
        try {
            frame = Json.TREE.readTree(text);
        } catch (IOException e) {
            log.debug("{}: ignoring a frame that is not JSON", link);
            return;
        }
        String topic = frame.path("topic").asText(null);
        if (topic == null) {
            // a gateway error: {"message": "Forbidden", "connectionId": ..., "requestId": ...}
            log.debug("{}: gateway error frame: {}", link, frame.path("message").asText());
            return;
        }
        switch (topic) {
            case "aws/subscribe" -> onSubscribeAnswer(link, "success".equals(frame.path("content").path("status").asText()));
            case "aws/heartbeat" -> {
                link.heartbeatPending = false;
                heartbeatsAnswered++;
            }
            case "aws/chat" -> onChatFrame(link, frame.path("content"));
            default -> log.debug("{}: ignoring topic {}", link, topic);
        }
    }

    private void onSubscribeAnswer(SocketLink link, boolean success) {
        var sink = link.opened;
        if (success) {
            link.subscribed = true;
            link.opened = null;
            if (sink != null) {
                sink.success(link);
            }
        } else if (++link.subscribeAttempts < SUBSCRIBE_ATTEMPTS) {
            // as the browser client: try again every 500 ms, five times
            Schedulers.parallel().schedule(() -> link.send(SocketLink.SUBSCRIBE), SUBSCRIBE_RETRY.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else if (sink != null) {
            link.opened = null;
            sink.error(new IllegalStateException("the chat socket refused the subscription " + SUBSCRIBE_ATTEMPTS + " times"));
        }
    }

    private void onChatFrame(SocketLink link, JsonNode content) {
        Item item;
        try {
            item = content.isTextual() ? ITEM.readValue(content.asText()) : ITEM.readValue(content);
        } catch (IOException e) {
            log.debug("{}: ignoring a chat frame that is not an item", link);
            return;
        }
        synchronized (this) {
            if (closed || link != active) {
                // a socket being replaced: what it still carries comes again through the gap fill
                return;
            }
            if (pending != null) {
                pending.add(item);
            } else {
                emit(item);
            }
        }
    }

    /** Makes {@code link} the active socket; closes the one it replaces; fills the gap when asked to. */
    private void activate(SocketLink link, boolean fillGap) {
        synchronized (this) {
            if (closed) {
                link.abort();
                return;
            }
            SocketLink previous = active;
            active = link;
            states.tryEmitNext(ConnectionState.of(ConnectionState.Status.CONNECTED));
            dispose(heartbeat);
            heartbeat = Flux.interval(options.heartbeatInterval(), options.heartbeatInterval())
                    .subscribe(tick -> beat(link));
            dispose(rotation);
            rotation = Schedulers.parallel().schedule(this::rotate, options.socketRotation().toMillis(),
                    TimeUnit.MILLISECONDS);
            if (previous != null && previous != link) {
                previous.close();
            }
            if (fillGap) {
                fillGap();
            }
        }
    }

    private void beat(SocketLink link) {
        synchronized (this) {
            if (link != active || closed) {
                return;
            }
            if (link.heartbeatPending) {
                link.abort();
                lost(link, new IllegalStateException("no answer to the last heartbeat: the socket is dead"));
                return;
            }
            link.heartbeatPending = true;
        }
        link.send(SocketLink.HEARTBEAT);
    }

    private void onLinkEnded(SocketLink link, Throwable error) {
        var sink = link.opened;
        if (sink != null) {
            link.opened = null;
            sink.error(error != null ? error : new IllegalStateException("the chat socket closed before it was subscribed"));
            return;
        }
        lost(link, error != null ? error : new IllegalStateException("the chat socket was closed"));
    }

    /** The active socket is gone: reconnect with backoff, for ever unless configured otherwise. */
    private void lost(SocketLink link, Throwable cause) {
        synchronized (this) {
            if (closed || link != active) {
                return;
            }
            active = null;
            dispose(heartbeat);
            dispose(rotation);
            if (reconnecting != null) {
                return;
            }
            log.info("chat socket lost ({}); reconnecting", cause.toString());
            metrics.reconnect();
            states.tryEmitNext(new ConnectionState(ConnectionState.Status.RECONNECTING, cause));
            reconnecting = establish()
                    .retryWhen(Retry.backoff(options.maxReconnectAttempts(), options.minBackoff())
                            .maxBackoff(options.maxBackoff())
                            .jitter(0.5)
                            .filter(e -> !(e instanceof AccessDeniedException))
                            .doBeforeRetry(s -> {
                                failedReconnects++;
                                log.info("reconnect attempt {} failed ({}); trying again",
                                        s.totalRetries() + 1, s.failure().toString());
                            })
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                    .subscribe(this::onReconnected, this::onReconnectFailed);
        }
    }

    private void onReconnected(SocketLink link) {
        synchronized (this) {
            reconnecting = null;
        }
        log.info("chat socket reconnected");
        activate(link, true);
    }

    private void onReconnectFailed(Throwable error) {
        synchronized (this) {
            reconnecting = null;
        }
        if (error instanceof AccessDeniedException) {
            // the chat ended while we were away: tell it as the service would have
            log.info("the chat ended while the socket was away");
            endWhileAway(error);
        } else {
            log.warn("giving up reconnecting: {}", error.toString());
            shutdown(error);
        }
    }

    private void endWhileAway(Throwable cause) {
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant now = Instant.ofEpochMilli(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
            items.tryEmitNext(new ChatItem.ChatEnded("chat-ended-while-away", now, null, null, null));
        }
        shutdown(cause);
    }

    /** Make-before-break: open and subscribe a new socket, then close the old one. */
    private void rotate() {
        establish().subscribe(link -> activate(link, true), error -> {
            log.info("could not rotate the chat socket ({}); keeping the current one", error.toString());
            synchronized (this) {
                if (!closed && active != null) {
                    rotation = Schedulers.parallel().schedule(this::rotate, options.maxBackoff().toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    // ---- the connection token ----

    private void onCredentials(ConnectionCredentials credentials) {
        if (credentials == null || credentials.connectionToken() == null) {
            return;
        }
        synchronized (this) {
            token = credentials.connectionToken();
            dispose(tokenRefresh);
            if (closed || credentials.expiry() == null) {
                return;
            }
            long now = Schedulers.parallel().now(TimeUnit.MILLISECONDS);
            long left = credentials.expiry().toEpochMilli() - now;
            long delay = Math.max(Math.max(1000, left / 2), left - options.tokenRefreshMargin().toMillis());
            tokenRefresh = Schedulers.parallel().schedule(this::refreshOnTime, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void refreshOnTime() {
        refreshCredentials().subscribe(t -> log.debug("connection token refreshed"), error -> {
            if (error instanceof AccessDeniedException) {
                endWhileAway(error);
            } else {
                log.info("could not refresh the connection token ({}); trying again", error.toString());
                synchronized (this) {
                    if (!closed) {
                        tokenRefresh = Schedulers.parallel().schedule(this::refreshOnTime,
                                options.minBackoff().toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            }
        });
    }

    private Mono<String> refreshCredentials() {
        return client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                        .participantToken(participantToken).type(ConnectionType.CONNECTION_CREDENTIALS).build())
                .map(r -> {
                    onCredentials(r.connectionCredentials());
                    return token;
                });
    }

    // ---- items ----

    /** Under the lock: emits an item once, remembers where the transcript stands, ends on chat end. */
    private void emit(Item item) {
        if (isPartialChunk(item)) {
            // a reply streamed in chunks: the completed chunk holds all of it and comes under the same id
            return;
        }
        if (item.id() != null && !seen.add(item.id())) {
            return;
        }
        ChatItem chatItem = ItemMapper.map(item);
        if (item.id() != null && ItemMapper.persisted(chatItem)) {
            lastId = item.id();
            lastTime = item.absoluteTime();
        }
        items.tryEmitNext(chatItem);
        metrics.item(chatItem.getClass().getSimpleName());
        if (chatItem instanceof ChatItem.ChatEnded) {
            shutdown(null);
        }
    }

    private static boolean isPartialChunk(Item item) {
        return item.messageMetadata() != null && item.messageMetadata().chunkNumber() != null
                && !Boolean.TRUE.equals(item.messageMetadata().messageCompleted());
    }

    /**
     * Under the lock: reads the transcript from the last item seen on, emits what was missed, then what the
     * new socket pushed meanwhile (held back until then), dropping what was seen already.
     */
    private void fillGap() {
        dispose(gapFill);
        if (pending == null) {
            pending = new ArrayList<>();
        }
        String fromId = lastId;
        Instant fromTime = lastTime != null ? lastTime : startedAt;
        gapFill = withToken(t -> transcriptFrom(t, fromId != null
                ? StartPosition.builder().id(fromId).build()
                : StartPosition.builder().absoluteTime(fromTime).build()))
                .onErrorResume(ValidationException.class, e -> withToken(t -> transcriptFrom(t,
                        StartPosition.builder().absoluteTime(fromTime).build())))
                .retryWhen(Retry.backoff(3, Duration.ofSeconds(1)).filter(e -> !(e instanceof AccessDeniedException)))
                .subscribe(missed -> gapFilled(missed, null), error -> gapFilled(List.of(), error));
    }

    private Mono<List<Item>> transcriptFrom(String connectionToken, StartPosition start) {
        return client.transcript(GetTranscriptRequest.builder().connectionToken(connectionToken)
                .scanDirection(ScanDirection.FORWARD).sortOrder(SortKey.ASCENDING).maxResults(100)
                .startPosition(start).build()).collectList();
    }

    private void gapFilled(List<Item> missed, Throwable error) {
        synchronized (this) {
            if (error != null) {
                log.warn("could not read the transcript after a reconnect ({}); items sent meanwhile may be missing",
                        error.toString());
            }
            List<Item> live = pending;
            pending = null;
            gapFill = null;
            if (closed) {
                return;
            }
            for (Item item : missed) {
                if (item.id() != null && !isPartialChunk(item) && !seen.contains(item.id())) {
                    metrics.recovered();
                }
                emit(item);
            }
            if (live != null) {
                for (Item item : live) {
                    emit(item);
                }
            }
        }
    }

    // ---- the end ----

    private void shutdown(Throwable cause) {
        SocketLink link;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (startedAt != null && generations > 0) {
                metrics.closed();
            }
            dispose(heartbeat);
            dispose(rotation);
            dispose(tokenRefresh);
            dispose(reconnecting);
            dispose(gapFill);
            link = active;
            active = null;
            pending = null;
            if (cause != null && !(cause instanceof AccessDeniedException)) {
                items.tryEmitError(cause);
            } else {
                items.tryEmitComplete();
            }
            states.tryEmitNext(new ConnectionState(ConnectionState.Status.CLOSED, cause));
            states.tryEmitComplete();
        }
        if (link != null) {
            link.close();
        }
    }

    private static void dispose(Disposable d) {
        if (d != null) {
            d.dispose();
        }
    }
}
