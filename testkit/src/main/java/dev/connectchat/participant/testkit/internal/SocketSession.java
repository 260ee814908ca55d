package dev.connectchat.participant.testkit.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.util.concurrent.Queues;

/**
 * One open chat WebSocket: its outbound frames go through a bounded queue, so a client that stops reading
 * costs at most {@link #MAX_QUEUED} frames before it is cut off, as a gateway would.
 */
final class SocketSession {
    static final int MAX_QUEUED = 4096;

    final ChatRoom room;
    final Participant participant;
    /** Grows in small chunks: a preallocated queue of MAX_QUEUED slots would cost 16 KB per idle socket. */
    private final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer(Queues.<String>unbounded(16).get());
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Channel channel;
    private volatile WebsocketOutbound outbound;
    private volatile boolean subscribed;

    SocketSession(ChatRoom room, Participant participant) {
        this.room = room;
        this.participant = participant;
    }

    void attach(Channel channel, WebsocketOutbound outbound) {
        this.channel = channel;
        this.outbound = outbound;
    }

    Flux<String> frames() {
        return out.asFlux().doOnNext(frame -> queued.decrementAndGet());
    }

    boolean subscribed() {
        return subscribed;
    }

    void subscribed(boolean subscribed) {
        this.subscribed = subscribed;
    }

    /** Queues a frame; a client too slow to take it is cut off. */
    synchronized void send(String frame) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            drop(true);
            return;
        }
        // a failure here means the socket is closing, and its session is about to be forgotten
        out.tryEmitNext(frame);
    }

    synchronized void complete() {
        out.tryEmitComplete();
    }

    /**
     * Closes the socket of a client that breaks the rules (never subscribes, goes silent): a 1008 close frame,
     * then the connection, whether or not the client answers.
     */
    void cutOff(String reason) {
        Channel ch = channel;
        WebsocketOutbound o = outbound;
        if (ch == null || !ch.isActive() || o == null) {
            return;
        }
        o.sendClose(1008, reason).timeout(java.time.Duration.ofSeconds(1), room.state.timers).doFinally(s -> ch.close())
                .subscribe(null, e -> { });
    }

    /** Closes the socket: abruptly (a reset, no close frame) or with a 1001 close frame. */
    void drop(boolean abrupt) {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            return;
        }
        if (abrupt) {
            try {
                ch.config().setOption(ChannelOption.SO_LINGER, 0);
            } catch (RuntimeException closedMeanwhile) {
                // closed between the check and now: nothing left to reset
            }
            ch.close();
        } else {
            WebsocketOutbound o = outbound;
            o.sendClose(1001, "Going away").subscribe(null, e -> ch.close());
        }
    }
}
