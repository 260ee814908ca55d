package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ParticipantServiceException;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.websocket.ChatSessionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The sockets of one session: each opened with a fresh URL from CreateParticipantConnection, tracked from the
 * moment it is opened until its connection ends (whether it was ever subscribed or not), and all closed at the
 * end. A socket that ends before it was subscribed fails its opening; one that ends later is reported lost.
 */
final class Sockets {
    private static final Logger log = LoggerFactory.getLogger(Sockets.class);
    private final TokenKeeper tokens;
    private final ChatSessionOptions options;
    private final BiConsumer<SocketLink, Item> items;
    private final BiConsumer<SocketLink, Throwable> lost;
    private final Set<SocketLink> links = new HashSet<>(4);
    private final SocketLink.Listener listener = new SocketLink.Listener() {
        @Override
        public void item(SocketLink link, Item item) {
            items.accept(link, item);
        }

        @Override
        public void heartbeatAnswered() {
            heartbeatsAnswered++;
        }

        @Override
        public void ended(SocketLink link, Throwable error) {
            onEnded(link, error);
        }
    };
    private long generations;
    private boolean closed;
    private volatile long heartbeatsAnswered;

    /**
     * @param items told of each chat item that arrives on a socket
     * @param lost told when a socket that was subscribed ends
     */
    Sockets(TokenKeeper tokens, ChatSessionOptions options, BiConsumer<SocketLink, Item> items,
            BiConsumer<SocketLink, Throwable> lost) {
        this.tokens = tokens;
        this.options = options;
        this.items = items;
        this.lost = lost;
    }

    /** @return a new socket, open and subscribed */
    Mono<SocketLink> establish() {
        return tokens.connect().flatMap(r -> {
            String url = r.websocket() == null ? null : r.websocket().url();
            String refused = SocketLink.refusal(url);
            return refused == null ? open(url).doOnNext(link -> tokens.socketOpened())
                    .doOnError(e -> tokens.socketFailed(url, e)) : Mono.error(new ParticipantServiceException(200, null,
                    "CreateParticipantConnection answered " + refused, null, null));
        });
    }

    /**
     * @param closed whether the session was closed meanwhile
     * @return the first socket: one that fails for a passing reason is tried again, twice, with the backoff
     */
    Mono<SocketLink> establishFirst(BooleanSupplier closed) {
        return establish().retryWhen(Retry.backoff(2, options.minBackoff()).maxBackoff(options.maxBackoff())
                .filter(e -> !(e instanceof AccessDeniedException) && !closed.getAsBoolean())
                .doBeforeRetry(r -> log.debug("opening the chat socket failed ({}); trying again", r.failure().toString()))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
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

    private void onEnded(SocketLink link, Throwable error) {
        synchronized (this) {
            links.remove(link);
        }
        var sink = link.opened;
        if (sink != null) {
            link.opened = null;
            sink.error(error != null ? error : new IllegalStateException("the chat socket closed before it was subscribed"));
            return;
        }
        lost.accept(link, error != null ? error : new IllegalStateException("the chat socket was closed"));
    }

    /** @return whether a socket was ever opened */
    synchronized boolean everOpened() {
        return generations > 0;
    }

    /** @return sockets opened and not yet ended */
    synchronized int open() {
        return links.size();
    }

    long heartbeatsAnswered() {
        return heartbeatsAnswered;
    }

    /**
     * Closes every socket and opens no more: {@code active} with a normal close, the others (still opening, or
     * being replaced) at once.
     */
    void closeAll(SocketLink active) {
        List<SocketLink> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(links);
        }
        for (SocketLink link : open) {
            if (link == active) {
                link.close();
            } else {
                link.abort();
            }
        }
    }
}
