package dev.connectchat.participant.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.logging.LoggingHandler;

import java.nio.charset.StandardCharsets;

/**
 * A wiretap that logs each connection event and message at DEBUG as text, with every secret redacted
 * ({@link Redaction#text}). Netty's own {@link LoggingHandler}, which Reactor Netty's {@code wiretap} uses,
 * prints bytes and headers as they are: bearer tokens, signed URLs and all.
 */
@ChannelHandler.Sharable
public final class RedactingWiretap extends LoggingHandler {
    /** The handler's name in the pipeline. */
    public static final String NAME = "connectchat.wiretap";
    /** The logger it writes to. */
    public static final String CATEGORY = "dev.connectchat.participant.wiretap";
    /** Longest text logged of one message. */
    private static final int MAX_TEXT = 16 * 1024;

    /** The wiretap: it keeps no state, so one serves every channel. */
    public static final RedactingWiretap INSTANCE = new RedactingWiretap();

    private RedactingWiretap() {
        super(CATEGORY, LogLevel.DEBUG);
    }

    @Override
    protected String format(ChannelHandlerContext ctx, String eventName, Object arg) {
        return Redaction.text(ctx.channel() + " " + eventName + ": " + describe(arg));
    }

    @Override
    protected String format(ChannelHandlerContext ctx, String eventName, Object first, Object second) {
        return Redaction.text(ctx.channel() + " " + eventName + ": " + describe(first) + ", " + describe(second));
    }

    private static String describe(Object arg) {
        ByteBuf bytes = arg instanceof ByteBuf buf ? buf : arg instanceof ByteBufHolder holder ? holder.content() : null;
        // a request's or response's head prints with its headers; content prints as its type
        String head = arg instanceof HttpMessage ? arg + "\n"
                : arg instanceof ByteBufHolder ? arg.getClass().getSimpleName() + " " : "";
        if (bytes == null) {
            return String.valueOf(arg);
        }
        int shown = Math.min(bytes.readableBytes(), MAX_TEXT);
        String text = bytes.toString(bytes.readerIndex(), shown, StandardCharsets.UTF_8);
        return head + bytes.readableBytes() + "B " + text + (shown < bytes.readableBytes() ? "..." : "");
    }
}
