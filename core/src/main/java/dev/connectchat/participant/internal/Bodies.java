package dev.connectchat.participant.internal;

import reactor.core.publisher.Flux;
import reactor.netty.ByteBufFlux;
import reactor.netty.ByteBufMono;

import java.util.function.Supplier;

/** Response bodies read whole, but never beyond a limit. */
final class Bodies {
    private Bodies() {
    }

    /**
     * @param content a response body as it arrives
     * @param limit the most bytes to take
     * @param tooLarge the failure once more arrive; what came so far is released and the rest not read
     * @return the body, aggregated
     */
    static ByteBufMono upTo(ByteBufFlux content, long limit, Supplier<? extends Throwable> tooLarge) {
        return ByteBufFlux.fromInbound(Flux.defer(() -> {
            long[] total = {0};
            return content.handle((buf, sink) -> {
                total[0] += buf.readableBytes();
                if (total[0] > limit) {
                    sink.error(tooLarge.get());
                } else {
                    sink.next(buf);
                }
            });
        })).aggregate();
    }
}
