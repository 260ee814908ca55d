package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.StartPosition;
import dev.connectchat.participant.model.Websocket;
import dev.connectchat.participant.spi.Lifecycle;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatPosition;
import dev.connectchat.participant.websocket.ChatSessionOptions;
import dev.connectchat.participant.websocket.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The state machine of one chat session. It ties together its parts, each with one job: the sockets
 * ({@link Sockets}, each a {@link SocketLink} with its heartbeat), the connection token ({@link TokenKeeper}),
 * reconnecting ({@link Reconnector}: {@link Backoff} and the client-wide {@link ReconnectBudget}), and the items
 * ({@link ItemStream}: de-duplication, the gap fill by {@link GapFill}, and the one point of emission).
 *
 * <p>The session's state (which socket is active, whether it is closed) changes under this object's lock, and
 * the item stream is only fed under it, so subscribers see items in order. Timers run on Reactor's parallel
 * scheduler, taken when they are set, so that tests drive them with virtual time. The session closes itself
 * when its client is closed.
 */
public final class SessionEngine {
    private static final Logger log = LoggerFactory.getLogger(SessionEngine.class);

    private final ParticipantClient client;
    private final ChatSessionOptions options;
    private final TokenKeeper tokens;
    private final ItemStream stream;
    private final Sinks.Many<ConnectionState> states = Sinks.many().replay().latest();
    private final SessionMetrics metrics;
    private final Sockets sockets;
    private final Reconnector reconnector;

    private SocketLink active;
    private final Rotation rotation;
    private boolean started;
    private boolean resumed;
    private volatile boolean closed;
    private Disposable clientWatch = Disposables.disposed();

    /** A session of {@code client} for {@code participantToken}; {@code observer} is told of each item emitted. */
    public SessionEngine(ParticipantClient client, String participantToken, ChatSessionOptions options,
                         Consumer<ChatItem> observer) {
        this.client = client;
        this.options = options;
        this.tokens = new TokenKeeper(client, participantToken, options.tokenRefreshMargin(), options.minBackoff(),
                this::endWhileAway);
        this.metrics = options.meterRegistry() == null ? SessionMetrics.NONE
                : MicrometerSessionMetrics.of(options.meterRegistry());
        this.stream = new ItemStream(options.deduplicationWindow(), options.bufferSize(), metrics, observer);
        this.sockets = new Sockets(tokens, options, this::onItem, this::lost);
        this.rotation = new Rotation(options.socketRotation(), options.maxBackoff(), sockets::establish,
                link -> activate(link, true));
        this.reconnector = new Reconnector(new Backoff(options.minBackoff(), options.maxBackoff()),
                ReconnectBudget.of(client, options.reconnectRate(), options.reconnectBurst()), sockets::establish,
                options.maxReconnectAttempts(), link -> activate(link, true), this::endWhileAway, this::shutdown);
    }

    /** @return completes once the first socket is open and subscribed */
    public Mono<Void> start() {
        return Mono.defer(() -> {
            // a closing client closes its sessions: none reconnects through resources that are going away
            Disposable watch = Lifecycle.onClose(client, this::close);
            synchronized (this) {
                if (closed) {
                    return Mono.error(new IllegalStateException("the session's ParticipantClient is closed"));
                }
                clientWatch = watch;
                started = true;
                stream.started(ItemStream.now());
                states.tryEmitNext(ConnectionState.of(ConnectionState.Status.CONNECTING));
            }
            return sockets.establishFirst(() -> closed);
        }).doOnNext(link -> {
            metrics.opened();
            activate(link, resumed); // a resumed session first reads what it missed since the snapshot
        }).then().doOnError(this::shutdown);
    }

    /** Before {@link #start}: goes on from a snapshot's tokens, socket URL and position. */
    public synchronized void resume(String connectionToken, Instant expiry, Websocket url, ChatPosition position) {
        tokens.resume(connectionToken, expiry, url);
        stream.resumeAt(position);
        resumed = true;
    }

    /** Fills a snapshot: the tokens, the last socket URL and the position of the last item emitted. */
    public synchronized void snapshot(BiConsumer<String, Object> put) {
        tokens.snapshot(put);
        put.accept("position", stream.position());
    }

    /** @return one subscriber's items after {@code from}: read from the transcript, then live */
    public Flux<ChatItem> items(ChatPosition from) {
        return Replay.after(from, items(), this::transcript, options.bufferSize());
    }

    /** @return the items the transcript holds now, from the start (a ChatEnded when the tokens are refused) */
    public Flux<ChatItem> history() {
        return Replay.history(ChatPosition.START, this::transcript);
    }

    private Flux<Item> transcript(StartPosition start) {
        return GapFill.pages(client, tokens, start).concatMapIterable(GetTranscriptResponse::transcript);
    }

    /** @return the items, hot, each subscriber with its own bounded buffer */
    public Flux<ChatItem> items() {
        return stream.flux(options.bufferSize(), options.overflowStrategy());
    }

    /** @return the connection states, the current one first */
    public Flux<ConnectionState> states() {
        return states.asFlux();
    }

    /** Runs a REST call with the connection token, refreshed once if the service denies it. */
    public <T> Mono<T> withToken(Function<String, Mono<T>> call) {
        return tokens.withToken(call);
    }

    /** As {@link #withToken}, for calls that emit many items: run again only if denied before the first. */
    public <T> Flux<T> withTokenMany(Function<String, Flux<T>> call) {
        return tokens.withTokenMany(call);
    }

    /** @return how many heartbeats were answered so far (diagnostics) */
    public long heartbeatsAnswered() {
        return sockets.heartbeatsAnswered();
    }

    /** @return how many reconnect attempts failed so far (diagnostics) */
    public long failedReconnects() {
        return reconnector.failedAttempts();
    }

    /** @return sockets opened and not yet ended, the active one included (diagnostics) */
    public int openSockets() {
        return sockets.open();
    }

    /** Stops every socket and timer; the chat goes on without this participant's socket. */
    public void close() {
        shutdown(null);
    }

    /** Makes {@code link} the active socket; closes the one it replaces; fills the gap when asked to. */
    private synchronized void activate(SocketLink link, boolean fillGap) {
        if (closed) {
            link.abort();
            return;
        }
        SocketLink previous = active;
        active = link;
        log.debug("{} active, replacing {}", link, previous);
        states.tryEmitNext(ConnectionState.of(ConnectionState.Status.CONNECTED));
        link.startHeartbeat(options.heartbeatInterval(), () -> {
            lost(link, new IllegalStateException("no answer to the last heartbeat: the socket is dead"));
            link.abort();
        });
        rotation.restart();
        if (previous != null && previous != link) {
            previous.close();
        }
        if (fillGap) {
            stream.fillGap(GapFill.read(client, tokens, stream.lastId(), stream.lastTime(), options.gapFillMaxPages(),
                    options.gapFillTimeout()), this::gapFilled);
        }
    }

    /** The active socket is gone: reconnect. */
    private synchronized void lost(SocketLink link, Throwable cause) {
        if (closed || link != active) {
            return;
        }
        active = null;
        rotation.pause();
        log.debug("{} lost ({}); reconnecting", link, cause.toString());
        metrics.reconnect();
        states.tryEmitNext(new ConnectionState(ConnectionState.Status.RECONNECTING, cause));
        reconnector.socketLost(Schedulers.parallel().now(TimeUnit.MILLISECONDS) - link.subscribedAtMillis);
    }

    private void endWhileAway(Throwable cause) {
        synchronized (this) {
            if (closed) {
                return;
            }
            stream.endedWhileAway();
        }
        shutdown(cause);
    }

    private synchronized void onItem(SocketLink link, Item item) {
        if (closed || link != active) {
            // a socket being replaced: what it still carries comes again through the gap fill
            return;
        }
        if (stream.offer(item)) {
            shutdown(null);
        }
    }

    private synchronized void gapFilled(GapFill.Result result) {
        if (!closed && stream.filled(result)) {
            shutdown(null);
        }
    }

    private void shutdown(Throwable cause) {
        SocketLink link;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (started && sockets.everOpened()) {
                metrics.closed();
            }
            tokens.stop();
            reconnector.stop();
            rotation.stop();
            link = active;
            active = null;
            stream.end(cause);
            states.tryEmitNext(new ConnectionState(ConnectionState.Status.CLOSED, cause));
            states.tryEmitComplete();
        }
        clientWatch.dispose();
        sockets.closeAll(link);
    }
}
