package dev.connectchat.participant.internal;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the client needs to know of one operation: set up once, shared by every call.
 *
 * @param name the operation's name in the model
 * @param method the HTTP method
 * @param path the request path of a request
 * @param fixedPath the request path when it is the same for every request, else {@code null}: the client then
 *                  prepares the request's method and path once rather than per call (two copies of Reactor
 *                  Netty's configuration, some 500 bytes a call)
 * @param bearer the token of a request, sent in {@code X-Amz-Bearer}
 * @param prepare fills the idempotency token of a request (identity when the operation has none)
 * @param validate throws {@link dev.connectchat.participant.InvalidRequestException} for a bad request
 * @param codec writes the body (if it has one) and reads the response, built at the operation's first call
 * @param empty the response of an empty body
 * @param emptyResponse {@code empty} as a publisher, made once rather than per call
 * @param bodyRequired whether a success must carry a JSON object: true when the response has members, so
 *                     that an empty or {@code null} answer is an error, not a response of nulls
 */
record Operation<Q, R>(
        String name,
        HttpMethod method,
        Function<Q, String> path,
        String fixedPath,
        Function<Q, String> bearer,
        UnaryOperator<Q> prepare,
        Consumer<Q> validate,
        Codec<Q, R> codec,
        Supplier<R> empty,
        Mono<R> emptyResponse,
        boolean bodyRequired) {

    Operation(String name, HttpMethod method, Function<Q, String> path, String fixedPath, Function<Q, String> bearer,
              UnaryOperator<Q> prepare, Consumer<Q> validate, Codec<Q, R> codec, Supplier<R> empty) {
        this(name, method, path, fixedPath, bearer, prepare, validate, codec, empty, Mono.fromSupplier(empty),
                hasMembers(empty.get()));
    }

    static <Q, R> Operation<Q, R> post(String name, String path, Class<Q> request, Class<R> response,
                                       Function<Q, String> bearer, UnaryOperator<Q> prepare,
                                       Consumer<Q> validate, Supplier<R> empty) {
        return post(name, path, new BoundCodec<>(request, response), bearer, prepare, validate, empty);
    }

    static <Q, R> Operation<Q, R> post(String name, String path, Codec<Q, R> codec, Function<Q, String> bearer,
                                       UnaryOperator<Q> prepare, Consumer<Q> validate, Supplier<R> empty) {
        return new Operation<>(name, HttpMethod.POST, q -> path, path, bearer, prepare, validate, codec, empty);
    }

    /** Identity, as each operation is one constant: a record's own equals and hashCode would hash every function. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    private static boolean hasMembers(Object response) {
        return !response.getClass().isRecord() || response.getClass().getRecordComponents().length > 0;
    }
}
