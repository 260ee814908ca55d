package dev.connectchat.participant.testkit.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * WebSocket frames a client sends right behind its upgrade request, before the 101 (the browser never does,
 * but other clients may): Netty's HTTP decoder, removed by the upgrade, hands them on as raw bytes to the
 * handler after it, where nothing reads them and they would be lost and never released. Sitting right after
 * the HTTP codec, this sends them again from the start of the pipeline, through the WebSocket decoder that
 * the upgrade has put in place, once the upgrade is done, so they are read like any later frame.
 */
@ChannelHandler.Sharable
final class EarlyFrames extends ChannelInboundHandlerAdapter {
    static final String NAME = "emulator.earlyFrames";
    static final EarlyFrames INSTANCE = new EarlyFrames();

    private EarlyFrames() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            if (ctx.pipeline().get("wsdecoder") != null) {
                // later, once the upgrade that is under way has set the socket's handler up
                ctx.channel().eventLoop().execute(() -> ctx.pipeline().fireChannelRead(bytes));
            } else {
                // raw bytes where no decoder can read them: not a protocol we speak
                bytes.release();
                ctx.close();
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
