package dev.connectchat.bench.raw;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One of the push server's sockets, driven on its channel's event loop with plain Netty writes: answers at once,
 * and agent messages at the pace the server is set to. Unpaced, it writes while the channel is writable and goes on
 * when the last write of a batch has reached the socket; paced, a timer every 100 ms writes a batch if the channel
 * can take it (a tick it cannot take is skipped: the offered rate drops, no queue grows).
 * The server's per-frame work is a string and a write: it shares the cores with the client it measures.
 */
final class PushSocket {
    static final String SUBSCRIBED =
            "{\"topic\":\"aws/subscribe\",\"content\":{\"status\":\"success\",\"topics\":[\"aws/chat\"]}}";
    static final String HEARTBEAT = "{\"topic\":\"aws/heartbeat\"}";
    private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private final int id;
    private final Channel channel;
    private boolean subscribed;
    private boolean pumping;
    private int pace = -1;
    private long next;
    private ScheduledFuture<?> ticks;

    PushSocket(int id, Channel channel) {
        this.id = id;
        this.channel = channel;
    }

    /** A frame from the client, on the event loop. */
    void received(String text) {
        if (text.contains("\"aws/subscribe\"")) {
            channel.writeAndFlush(new TextWebSocketFrame(SUBSCRIBED));
            subscribed = true;
            paceChanged(pace);
        } else if (text.contains("\"aws/heartbeat\"")) {
            channel.writeAndFlush(new TextWebSocketFrame(HEARTBEAT));
        }
    }

    /** Sets the pace from any thread: -1 hold, 0 as fast as read, n messages every 100 ms. */
    void pace(int newPace) {
        channel.eventLoop().execute(() -> paceChanged(newPace));
    }

    void closed() {
        channel.eventLoop().execute(() -> {
            pace = -1;
            if (ticks != null) {
                ticks.cancel(false);
            }
        });
    }

    private void paceChanged(int newPace) {
        pace = newPace;
        if (!subscribed) {
            return;
        }
        if (pace > 0 && ticks == null) {
            ticks = channel.eventLoop().scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        }
        if (pace == 0) {
            pump();
        }
    }

    private void tick() {
        if (pace > 0 && channel.isWritable()) {
            for (int i = 0; i < pace; i++) {
                channel.write(new TextWebSocketFrame(frame(id, next++)));
            }
            channel.flush();
        }
    }

    /** Writes while the channel takes it; the last write of the batch, once on the socket, starts the next one. */
    private void pump() {
        if (pumping || pace != 0 || !channel.isActive()) {
            return;
        }
        pumping = true;
        io.netty.channel.ChannelFuture last;
        do {
            last = channel.write(new TextWebSocketFrame(frame(id, next++)));
        } while (channel.isWritable());
        channel.flush();
        last.addListener(written -> {
            pumping = false;
            if (written.isSuccess()) {
                pump();
            }
        });
    }

    /** @return the {@code n}th agent message of a socket, as the service frames it */
    static String frame(int socket, long n) {
        String time = Instant.ofEpochMilli(START + n).toString();
        return "{\"content\":\"{\\\"AbsoluteTime\\\":\\\"" + time + "\\\",\\\"Content\\\":\\\"message " + n
                + " of the agent, about as long as a chat line is\\\",\\\"ContentType\\\":\\\"text/plain\\\","
                + "\\\"Id\\\":\\\"" + socket + "-" + n + "\\\",\\\"Type\\\":\\\"MESSAGE\\\","
                + "\\\"ParticipantId\\\":\\\"agent\\\",\\\"DisplayName\\\":\\\"Agent\\\","
                + "\\\"ParticipantRole\\\":\\\"AGENT\\\",\\\"InitialContactId\\\":\\\"contact\\\","
                + "\\\"ContactId\\\":\\\"contact\\\"}\",\"contentType\":\"application/json\",\"topic\":\"aws/chat\"}";
    }
}
