package dev.connectchat.participant.internal;

import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * How one operation's request body is written and its answer read: by data binding ({@link BoundCodec}), or by
 * hand for the calls made most ({@link SendCodec}).
 *
 * @param <Q> the request
 * @param <R> the response
 */
interface Codec<Q, R> {
    /** @return whether the operation sends a body */
    boolean hasBody();

    /** Makes ready, on the calling thread, what the first call needs, so that no answer waits for it. */
    void build();

    /**
     * @param request a checked request
     * @param out where its JSON body goes
     */
    void write(Q request, ByteBuf out) throws IOException;

    /**
     * @param body the whole body of a success, from its reader index; neither consumed nor released
     * @return the response, or {@code null} when the body is JSON {@code null}
     * @throws IOException when the body is not JSON or not the response
     */
    R read(ByteBuf body) throws IOException;
}
