package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.spi.Transport;
import dev.connectchat.participant.model.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketOutbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One chat socket of a session: the connection, its outbound frames, whether it is subscribed, its
 * heartbeat, and how to close it. A session has one active link, and two while it rotates. Frames that
 * arrive go to the engine; so does the end of the connection, once.
 */
final class SocketLink {
    static final String SUBSCRIBE = "{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}";
    static final String HEARTBEAT = "{\"topic\":\"aws/heartbeat\"}";
    private static final Logger log = LoggerFactory.getLogger(SocketLink.class);
    private static final Duration SUBSCRIBE_RETRY = Duration.ofMillis(500);
    private static final int SUBSCRIBE_ATTEMPTS = 5;

    final long generation;
    volatile MonoSink<SocketLink> opened;
    private volatile WebsocketOutbound out;
    private volatile Disposable connection;
    /** The channel itself: cancelling the subscription alone leaves a WebSocket connection open. */
    private volatile Connection channel;
    private volatile Disposable heartbeat;
    volatile boolean subscribed;
    volatile boolean heartbeatPending;
    /** Whether any frame came since the last beat: the socket is delivering, whatever its heartbeat's answer. */
    private volatile boolean heard;
    volatile long subscribedAtMillis;
    private int subscribeAttempts;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Listener listener;

    /** What a socket tells its session. */
    interface Listener {
        /** A chat item arrived. */
        void item(SocketLink link, Item item);

        /** A heartbeat was answered. */
        void heartbeatAnswered();

        /** The connection ended or was dropped (once): {@code error} is {@code null} when it closed. */
        void ended(SocketLink link, Throwable error);
    }

    SocketLink(long generation) {
        this.generation = generation;
    }

    /**
     * @param url a socket URL from CreateParticipantConnection
     * @return why it is refused, or {@code null}: it must be {@code wss://}, or {@code ws://} to a loopback
     *         address (an emulator)
     */
    static String refusal(String url) {
        if (url == null || url.isEmpty()) {
            return "without a Websocket URL";
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "with a Websocket URL that is not a URI";
        }
        boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        boolean plainLoopback = "ws".equalsIgnoreCase(uri.getScheme()) && Transport.isLoopback(uri);
        return uri.getHost() != null && (secure || plainLoopback) ? null
                : "with a Websocket URL that is not wss:// (nor ws:// to a loopback address)";
    }

    /** Opens the socket and sends the subscription; {@link #opened} is told when it is subscribed, or not. */
    void open(HttpClient client, String url, int maxFrameBytes, Listener listener) {
        this.listener = listener;
        connection = client.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(maxFrameBytes).build())
                .uri(URI.create(url)) // as a URI: Reactor Netty misreads a one-digit port in a string
                .handle((in, o) -> {
                    out = o;
                    o.withConnection(c -> channel = c);
                    send(SUBSCRIBE);
                    // the few frames the client sends (subscribe, heartbeats) are written to the channel as they
                    // come: an outbound stream would hold two queues per idle session for nothing
                    return in.aggregateFrames(maxFrameBytes).receive().asString(StandardCharsets.UTF_8)
                            .doOnNext(this::onFrame).then();
                })
                .contextWrite(Transport.lateErrorsAtDebug())
                .subscribe(null, this::ended, () -> ended(null));
    }

    private void onFrame(String text) {
        if (!heard) {
            heard = true; // written once per beat, not per frame
        }
        Frames.Frame frame = Frames.read(text);
        switch (frame.kind()) {
            case SUBSCRIBED -> {
                subscribed = true;
                subscribedAtMillis = Schedulers.parallel().now(TimeUnit.MILLISECONDS);
                var sink = opened;
                opened = null;
                if (sink != null) {
                    sink.success(this);
                }
            }
            case REFUSED -> onRefused();
            case HEARTBEAT -> {
                heartbeatPending = false;
                listener.heartbeatAnswered();
            }
            case CHAT -> listener.item(this, frame.item());
            default -> log.debug("{}: ignoring {}", this, frame.note());
        }
    }

    private void onRefused() {
        if (++subscribeAttempts < SUBSCRIBE_ATTEMPTS) {
            // as the browser client: try again every 500 ms, five times
            Schedulers.parallel().schedule(() -> send(SUBSCRIBE), SUBSCRIBE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        var sink = opened;
        opened = null;
        if (sink != null) {
            sink.error(new IllegalStateException("the chat socket refused the subscription " + SUBSCRIBE_ATTEMPTS
                    + " times"));
        }
        abort();
    }

    private void ended(Throwable error) {
        if (ended.compareAndSet(false, true)) {
            try {
                listener.ended(this, error);
            } finally {
                stopHeartbeat();
            }
        }
    }

    /** Writes a frame; a failed write fails the connection, which ends the socket. */
    void send(String frame) {
        Connection c = channel;
        if (c == null) {
            return;
        }
        c.channel().writeAndFlush(new TextWebSocketFrame(frame)).addListener(f -> {
            if (!f.isSuccess()) {
                log.debug("{}: a frame could not be written ({})", this, f.cause().toString());
                c.channel().close();
            }
        });
    }

    /**
     * Sends a heartbeat every {@code interval}. A heartbeat still unanswered at the next beat, with no frame at all
     * received for that whole interval, means the socket is dead: {@code onDead} is told and the heartbeat stops.
     * Frames arriving keep it alive though the answer is late: under a backlog the answer waits behind the chat
     * frames queued before it, and a reconnect would only add to the load. One heartbeat is out at a time.
     */
    void startHeartbeat(Duration interval, Runnable onDead) {
        heartbeat = Flux.interval(interval, interval).subscribe(tick -> {
            boolean delivered = heard;
            heard = false;
            if (heartbeatPending) {
                if (!delivered) {
                    stopHeartbeat();
                    onDead.run();
                }
                return;
            }
            heartbeatPending = true;
            send(HEARTBEAT);
        });
    }

    void stopHeartbeat() {
        dispose(heartbeat);
    }

    /** Closes with a normal close (1000), as the browser client does when it replaces a socket. */
    void close() {
        stopHeartbeat();
        WebsocketOutbound o = out;
        Disposable c = connection;
        if (o != null) {
            o.sendClose(1000, "rotated").subscribe(null, e -> abort());
        } else {
            dispose(c);
        }
    }

    /** Drops the connection at once; a cancelled connection signals no end of its own, so this tells it. */
    void abort() {
        stopHeartbeat();
        dispose(connection);
        dispose(channel);
        if (listener != null) {
            ended(null);
        }
    }

    private static void dispose(Disposable d) {
        if (d != null) {
            d.dispose();
        }
    }

    @Override
    public String toString() {
        return "socket#" + generation;
    }
}
