package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.ParticipantServiceException;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatSessionOptions;
import dev.connectchat.participant.websocket.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The state machine of one chat session. It ties together its parts: the sockets ({@link SocketLink}, with
 * their heartbeats), the connection token ({@link TokenKeeper}), the reconnect delays ({@link Backoff}, and
 * the client-wide {@link ReconnectBudget}), and the gap fill ({@link GapFill}) with de-duplication
 * ({@link SeenIds}).
 *
 * <p>Every state change happens under this object's lock, and items are emitted only in {@link #emit}, under
 * it, so subscribers see them in order. Every socket the session opens is in {@link #links} until its
 * connection ends, and {@link #close} closes them all. Timers run on Reactor's parallel scheduler, taken when
 * they are set, so that tests drive them with virtual time.
 */
public final class SessionEngine {
    private static final Logger log = LoggerFactory.getLogger(SessionEngine.class);

    private final ParticipantClient client;
    private final ChatSessionOptions options;
    private final TokenKeeper tokens;
    private final ItemStream stream;
    private final Sinks.Many<ConnectionState> states = Sinks.many().replay().latest();
    private final SessionMetrics metrics;
    private final Backoff backoff;
    private final ReconnectBudget budget;
    private final Set<SocketLink> links = new HashSet<>(4);
    private final SocketLink.Listener listener = new SocketLink.Listener() {
        @Override
        public void item(SocketLink link, Item item) {
            onItem(link, item);
        }

        @Override
        public void heartbeatAnswered() {
            heartbeatsAnswered++;
        }

        @Override
        public void ended(SocketLink link, Throwable error) {
            onLinkEnded(link, error);
        }
    };

    private Instant startedAt;
    private SocketLink active;
    private long generations;
    private Disposable rotation;
    private Disposable reconnecting;
    private long failuresSinceLoss;
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
        this.options = options;
        this.tokens = new TokenKeeper(client, participantToken, options.tokenRefreshMargin(), options.minBackoff(),
                this::endWhileAway);
        this.metrics = options.meterRegistry() == null ? SessionMetrics.NONE
                : MicrometerSessionMetrics.of(options.meterRegistry());
        this.stream = new ItemStream(options.deduplicationWindow(), options.bufferSize(), metrics);
        this.backoff = new Backoff(options.minBackoff(), options.maxBackoff());
        this.budget = ReconnectBudget.of(client, options.reconnectRate(), options.reconnectBurst());
    }

    // ---- the public face, for ChatSession ----

    /** @return completes once the first socket is open and subscribed */
    public Mono<Void> start() {
        return Mono.defer(() -> {
            synchronized (this) {
                startedAt = ItemStream.now();
                stream.started(startedAt);
                states.tryEmitNext(ConnectionState.of(ConnectionState.Status.CONNECTING));
            }
            // a first socket that fails for a passing reason is tried again, twice, with the reconnect backoff
            return establish().retryWhen(Retry.backoff(2, options.minBackoff()).maxBackoff(options.maxBackoff())
                    .filter(e -> !(e instanceof AccessDeniedException))
                    .doBeforeRetry(r -> log.debug("opening the chat socket failed ({}); trying again",
                            r.failure().toString()))
                    .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        }).doOnNext(link -> {
            metrics.opened();
            activate(link, false);
        }).then().doOnError(this::shutdown);
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

    /** @return sockets opened and not yet ended, the active one included (for tests and diagnostics) */
    public synchronized int openSockets() {
        return links.size();
    }

    /** Stops every socket and timer; the chat goes on without this participant's socket. */
    public void close() {
        shutdown(null);
    }

    // ---- sockets ----

    private Mono<SocketLink> establish() {
        return tokens.connect().flatMap(r -> {
            String url = r.websocket() == null ? null : r.websocket().url();
            String refused = SocketLink.refusal(url);
            return refused == null ? open(url) : Mono.error(new ParticipantServiceException(200, null,
                    "CreateParticipantConnection answered " + refused, null, null));
        });
    }

    private Mono<SocketLink> open(String url) {
        return Mono.<SocketLink>create(sink -> {
            SocketLink link;
            synchronized (this) {
                if (closed) {
                    sink.error(new IllegalStateException("the session is closed"));
                    return;
                }
                link = new SocketLink(++generations);
                links.add(link);
            }
            link.opened = sink;
            // whatever ends the opening without a subscribed socket (timeout, cancel, refusal) drops it
            sink.onDispose(() -> {
                if (!link.subscribed) {
                    link.abort();
                }
            });
            link.open(options.webSocketClient(), url, options.maxFrameBytes(), listener);
        }).timeout(options.heartbeatInterval().multipliedBy(2));
    }

    private void onLinkEnded(SocketLink link, Throwable error) {
        synchronized (this) {
            links.remove(link);
        }
        var sink = link.opened;
        if (sink != null) {
            link.opened = null;
            sink.error(error != null ? error : new IllegalStateException("the chat socket closed before it was subscribed"));
            return;
        }
        lost(link, error != null ? error : new IllegalStateException("the chat socket was closed"));
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

    /** Make-before-break: open and subscribe a new socket, then close the old one. */
    private void rotate() {
        establish().subscribe(link -> activate(link, true), error -> {
            log.debug("could not rotate the chat socket ({}); keeping the current one", error.toString());
            synchronized (this) {
                if (!closed && active != null) {
                    rotation = Schedulers.parallel().schedule(this::rotate, options.maxBackoff().toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    // ---- reconnecting ----

    /** The active socket is gone: reconnect after the backoff, within the client's budget. */
    private synchronized void lost(SocketLink link, Throwable cause) {
        if (closed || link != active) {
            return;
        }
        active = null;
        dispose(rotation);
        backoff.socketEnded(Schedulers.parallel().now(TimeUnit.MILLISECONDS) - link.subscribedAtMillis);
        log.debug("{} lost ({}); reconnecting", link, cause.toString());
        metrics.reconnect();
        states.tryEmitNext(new ConnectionState(ConnectionState.Status.RECONNECTING, cause));
        failuresSinceLoss = 0;
        reconnect();
    }

    /** Under the lock: the next attempt, after the backoff, then in a slot of the client's budget. */
    private void reconnect() {
        // the slot is taken only once the backoff is over: a slot reserved far ahead would push back every
        // other session of the client, however healthy
        reconnecting = Mono.delay(Duration.ofMillis(backoff.nextDelayMillis()))
                .then(Mono.defer(() -> {
                    long now = Schedulers.parallel().now(TimeUnit.NANOSECONDS);
                    return Mono.delay(Duration.ofNanos(budget.reserve(now) - now));
                }))
                .then(establish())
                .subscribe(this::onReconnected, this::onReconnectFailed);
    }

    private void onReconnected(SocketLink link) {
        synchronized (this) {
            reconnecting = null;
        }
        log.debug("{} reconnected", link);
        activate(link, true);
    }

    private void onReconnectFailed(Throwable error) {
        if (error instanceof AccessDeniedException) {
            log.debug("the chat ended while the socket was away");
            endWhileAway(error);
            return;
        }
        failedReconnects++;
        synchronized (this) {
            reconnecting = null;
            if (closed) {
                return;
            }
            if (++failuresSinceLoss < options.maxReconnectAttempts()) {
                log.debug("reconnect attempt {} failed ({}); trying again", failuresSinceLoss, error.toString());
                reconnect();
                return;
            }
        }
        log.warn("giving up reconnecting after {} attempts: {}", failuresSinceLoss, error.toString());
        shutdown(error);
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

    // ---- items ----

    private synchronized void onItem(SocketLink link, Item item) {
        if (closed || link != active) {
            // a socket being replaced: what it still carries comes again through the gap fill
            return;
        }
        if (stream.offer(item)) {
            shutdown(null);
        }
    }

    /** Under the lock: reads what was missed; live items wait until it is done. */
    private void fillGap() {
        stream.fillGap(GapFill.read(client, tokens, stream.lastId(), stream.lastTime(), options.gapFillMaxPages(),
                options.gapFillTimeout()), this::gapFilled);
    }

    private synchronized void gapFilled(GapFill.Result result) {
        if (!closed && stream.filled(result)) {
            shutdown(null);
        }
    }


    // ---- the end ----

    private void shutdown(Throwable cause) {
        List<SocketLink> open;
        SocketLink link;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (startedAt != null && generations > 0) {
                metrics.closed();
            }
            tokens.stop();
            dispose(rotation);
            dispose(reconnecting);
            link = active;
            active = null;
            open = new ArrayList<>(links);
            stream.end(cause);
            states.tryEmitNext(new ConnectionState(ConnectionState.Status.CLOSED, cause));
            states.tryEmitComplete();
        }
        for (SocketLink other : open) {
            if (other == link) {
                other.close();
            } else {
                other.abort();
            }
        }
    }

    private static void dispose(Disposable d) {
        if (d != null) {
            d.dispose();
        }
    }
}
