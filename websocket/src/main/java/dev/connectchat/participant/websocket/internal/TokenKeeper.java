package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.ConnectionCredentials;
import dev.connectchat.participant.model.ConnectionType;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.CreateParticipantConnectionResponse;
import dev.connectchat.participant.model.Websocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The connection token of one session: kept from every CreateParticipantConnection answer, refreshed before
 * it expires, and refreshed at once when the service denies a call made with it. Only this class sees the
 * participant token.
 */
final class TokenKeeper {
    private static final Logger log = LoggerFactory.getLogger(TokenKeeper.class);
    /** A resumed socket URL is used only with at least this long to live. */
    private static final long URL_MARGIN_MILLIS = 10_000;

    private final ParticipantClient client;
    private final String participantToken;
    private final Duration margin;
    private final Duration retryDelay;
    private final Consumer<Throwable> chatEnded;
    private volatile String token;
    private Instant tokenExpiry;
    private Websocket socket;
    private Websocket reusable;
    private Mono<String> refreshing;
    private Disposable refresh;
    private boolean stopped;

    /**
     * @param chatEnded told when the service refuses the participant token: the chat has ended
     */
    TokenKeeper(ParticipantClient client, String participantToken, Duration margin, Duration retryDelay,
                Consumer<Throwable> chatEnded) {
        this.client = client;
        this.participantToken = participantToken;
        this.margin = margin;
        this.retryDelay = retryDelay;
        this.chatEnded = chatEnded;
    }

    /**
     * Goes on from a snapshot: its connection token, and its socket URL for the first socket while the URL lives
     * (so a resumed session needs no CreateParticipantConnection while both are good).
     */
    synchronized void resume(String connectionToken, Instant expiry, Websocket url) {
        token = connectionToken;
        tokenExpiry = expiry;
        socket = url;
        reusable = url;
        // a token that is still good is refreshed on time; one that is not is refreshed when first denied
        if (expiry != null && expiry.toEpochMilli() - now() > margin.toMillis()) {
            keep(ConnectionCredentials.builder().connectionToken(connectionToken).expiry(expiry).build());
        }
    }

    /** @return a new connection: socket URL and credentials, the credentials kept */
    Mono<CreateParticipantConnectionResponse> connect() {
        return Mono.defer(() -> {
            Websocket url = takeReusable();
            if (url != null) {
                return Mono.just(CreateParticipantConnectionResponse.builder().websocket(url).build());
            }
            log.debug("asking for a new connection (socket URL and token)");
            return client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                            .participantToken(participantToken)
                            .type(ConnectionType.WEBSOCKET, ConnectionType.CONNECTION_CREDENTIALS)
                            .connectParticipant(true)
                            .build())
                    .doOnNext(r -> {
                        keep(r.connectionCredentials());
                        keepSocket(r.websocket());
                    });
        });
    }

    /** @return the resumed socket URL while it has at least {@value #URL_MARGIN_MILLIS} ms to live and was not refused */
    private synchronized Websocket takeReusable() {
        Websocket url = reusable;
        if (url != null && (url.url() == null || url.connectionExpiry() == null
                || url.connectionExpiry().toEpochMilli() - now() <= URL_MARGIN_MILLIS)) {
            reusable = url = null;
        }
        return url;
    }

    /** The socket at {@code url} could not be opened: a URL the service refused is not tried again. */
    synchronized void socketFailed(String url, Throwable error) {
        if (reusable != null && reusable.url().equals(url)
                && error instanceof io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException) {
            reusable = null;
        }
    }

    /** A socket at the resumed URL is open: from now on sockets come from CreateParticipantConnection. */
    synchronized void socketOpened() {
        reusable = null;
    }

    private synchronized void keepSocket(Websocket url) {
        if (url != null && url.url() != null) {
            socket = url;
        }
    }

    /** Fills a snapshot with what this keeper holds: the tokens and the last socket URL. */
    synchronized void snapshot(java.util.function.BiConsumer<String, Object> put) {
        put.accept("participantToken", participantToken);
        put.accept("connectionToken", token);
        put.accept("connectionExpiry", tokenExpiry);
        put.accept("webSocketUrl", socket == null ? null : socket.url());
        put.accept("webSocketExpiry", socket == null ? null : socket.connectionExpiry());
    }

    /** Runs a call with the token; when the service denies it, refreshes the token once and runs it again. */
    <T> Mono<T> withToken(Function<String, Mono<T>> call) {
        return Mono.defer(() -> call.apply(token))
                .onErrorResume(AccessDeniedException.class, denied -> refresh().flatMap(call));
    }

    /** As {@link #withToken}, but runs again only when denied before the first item, so none comes twice. */
    <T> Flux<T> withTokenMany(Function<String, Flux<T>> call) {
        return Flux.defer(() -> {
            boolean[] emitted = {false};
            return call.apply(token)
                    .doOnNext(item -> emitted[0] = true)
                    .onErrorResume(e -> e instanceof AccessDeniedException && !emitted[0],
                            denied -> refresh().flatMapMany(call));
        });
    }

    /** Stops the refresh timer for good. */
    synchronized void stop() {
        stopped = true;
        if (refresh != null) {
            refresh.dispose();
        }
    }

    /** One refresh at a time: calls denied together share it (one CreateParticipantConnection, not one each). */
    private synchronized Mono<String> refresh() {
        if (refreshing == null) {
            log.debug("refreshing the connection token");
            refreshing = client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                            .participantToken(participantToken).type(ConnectionType.CONNECTION_CREDENTIALS).build())
                    .map(r -> {
                        keep(r.connectionCredentials());
                        return token;
                    })
                    .doFinally(signal -> {
                        synchronized (this) {
                            refreshing = null;
                        }
                    })
                    .cache();
        }
        return refreshing;
    }

    private static long now() {
        return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
    }

    private synchronized void keep(ConnectionCredentials credentials) {
        if (credentials == null || credentials.connectionToken() == null) {
            return;
        }
        token = credentials.connectionToken();
        tokenExpiry = credentials.expiry();
        if (refresh != null) {
            refresh.dispose();
        }
        if (stopped || credentials.expiry() == null) {
            return;
        }
        long left = credentials.expiry().toEpochMilli() - Schedulers.parallel().now(TimeUnit.MILLISECONDS);
        long delay = Math.max(Math.max(1000, left / 2), left - margin.toMillis());
        refresh = Schedulers.parallel().schedule(this::refreshOnTime, delay, TimeUnit.MILLISECONDS);
    }

    private void refreshOnTime() {
        refresh().subscribe(t -> log.debug("connection token refreshed"), error -> {
            if (error instanceof AccessDeniedException) {
                chatEnded.accept(error);
                return;
            }
            log.debug("could not refresh the connection token ({}); trying again", error.toString());
            synchronized (this) {
                if (!stopped) {
                    refresh = Schedulers.parallel().schedule(this::refreshOnTime, retryDelay.toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        });
    }
}
