package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.ConnectionCredentials;
import dev.connectchat.participant.model.ConnectionType;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.CreateParticipantConnectionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
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

    private final ParticipantClient client;
    private final String participantToken;
    private final Duration margin;
    private final Duration retryDelay;
    private final Consumer<Throwable> chatEnded;
    private volatile String token;
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

    /** @return a new connection: socket URL and credentials, the credentials kept */
    Mono<CreateParticipantConnectionResponse> connect() {
        return client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                        .participantToken(participantToken)
                        .type(ConnectionType.WEBSOCKET, ConnectionType.CONNECTION_CREDENTIALS)
                        .connectParticipant(true)
                        .build())
                .doOnNext(r -> keep(r.connectionCredentials()));
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

    private Mono<String> refresh() {
        return client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                        .participantToken(participantToken).type(ConnectionType.CONNECTION_CREDENTIALS).build())
                .map(r -> {
                    keep(r.connectionCredentials());
                    return token;
                });
    }

    private synchronized void keep(ConnectionCredentials credentials) {
        if (credentials == null || credentials.connectionToken() == null) {
            return;
        }
        token = credentials.connectionToken();
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
