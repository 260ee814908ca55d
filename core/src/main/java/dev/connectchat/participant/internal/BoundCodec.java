package dev.connectchat.participant.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An operation's codec by data binding: its JSON writer and reader, built at its first call rather than when the
 * library loads: a process that calls a few operations never builds the others' (de)serializers, nor loads their
 * models, and one that only sends messages and events ({@link SendCodec}) never builds the mapper. Both are built
 * together, on the thread that makes the first call, before anything is sent, so the response's reader is ready
 * when the answer comes.
 *
 * <p>Builds are serialised on one lock of this class: Jackson builds a deserializer under a lock of its own,
 * and two event loops building two types at once would otherwise park on it. Each operation builds once per
 * class loader; after that a call reads one volatile field.
 */
final class BoundCodec<Q, R> implements Codec<Q, R> {
    private static final Object BUILDING = new Object();

    private final Class<Q> request;
    private final Class<R> response;
    private volatile Built built;

    private record Built(ObjectWriter writer, ObjectReader reader) {
    }

    /**
     * @param request the request type, or {@code null} for an operation without a body
     * @param response the response type
     */
    BoundCodec(Class<Q> request, Class<R> response) {
        this.response = response;
        this.request = request;
    }

    @Override
    public void write(Q request, ByteBuf out) throws IOException {
        built().writer().writeValue((OutputStream) new ByteBufOutputStream(out), request);
    }

    /** Parses in place: from the buffer's array when it has one, else through a stream over it. */
    @Override
    public R read(ByteBuf body) throws IOException {
        ObjectReader reader = built().reader();
        return body.hasArray()
                ? reader.readValue(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes())
                : reader.readValue((InputStream) new ByteBufInputStream(body));
    }

    @Override
    public void build() {
        built();
    }

    @Override
    public boolean hasBody() {
        return request != null;
    }

    private Built built() {
        Built b = built;
        if (b == null) {
            synchronized (BUILDING) {
                b = built;
                if (b == null) {
                    b = new Built(request == null ? null : Json.writer(request), Json.reader(response));
                    built = b;
                }
            }
        }
        return b;
    }
}
