package dev.connectchat.participant.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * An operation's JSON writer and reader, built at its first call rather than when the library loads: a process
 * that only sends messages never builds the other ten operations' (de)serializers, nor loads their models (75
 * classes at start-up; Jackson's mapper itself is the larger part and is loaded either way). Both are built
 * together, on the thread that makes the first call, before anything is sent, so the response's reader is ready
 * when the answer comes.
 *
 * <p>Builds are serialised on one lock of this class: Jackson builds a deserializer under a lock of its own,
 * and two event loops building two types at once would otherwise park on it. Each operation builds once per
 * class loader; after that a call reads one volatile field.
 */
final class Codec<Q, R> {
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
    Codec(Class<Q> request, Class<R> response) {
        this.response = response;
        this.request = request;
    }

    /** @return the writer of the request body, or {@code null} when the operation sends none */
    ObjectWriter writer() {
        return built().writer();
    }

    /** @return the reader of the response body */
    ObjectReader reader() {
        return built().reader();
    }

    /** Builds the writer and the reader now, if this is the operation's first call. */
    void build() {
        built();
    }

    /** @return whether the operation sends a body */
    boolean hasBody() {
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
