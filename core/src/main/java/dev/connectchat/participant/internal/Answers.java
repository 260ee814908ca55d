package dev.connectchat.participant.internal;

import dev.connectchat.participant.ParticipantServiceException;
import dev.connectchat.participant.ParticipantTransportException;
import dev.connectchat.participant.ResponseTooLargeException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.IllegalReferenceCountException;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClientResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** An attempt's answer read: its size bounded, a success parsed by the operation's codec, an error typed. */
final class Answers {
    private Answers() {
    }

    /**
     * Reads the body, up to the size limit, while Reactor Netty holds it: the aggregated buffer is parsed in
     * place (from its array when it has one) and released by Reactor Netty afterwards, whether or not the call
     * was cancelled meanwhile, so no buffer outlives the call and none is copied.
     *
     * @param limit the largest body read
     * @return the response of a success; the service's error, typed, otherwise
     */
    static <R> Mono<R> read(Operation<?, R> op, HttpClientResponse res, ByteBufFlux content, long limit) {
        int status = res.status().code();
        String declared = res.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (declared != null && declaredOver(declared, limit)) {
            return Mono.error(new ResponseTooLargeException(op.name(), status, limit));
        }
        ByteBufMono body = Bodies.upTo(content, limit, () -> new ResponseTooLargeException(op.name(), status, limit));
        if (status >= 200 && status < 300) {
            return body.<R>handle((buf, sink) -> {
                try {
                    sink.next(parse(op, status, res, buf));
                } catch (IllegalReferenceCountException released) {
                    // the call was cancelled while its body was read: never an empty success
                    sink.error(new ParticipantTransportException(op.name(), ParticipantTransportException.Kind.CLOSED,
                            released));
                } catch (ParticipantServiceException malformed) {
                    sink.error(malformed);
                } catch (OutOfMemoryError oom) {
                    sink.error(malformed(op, status, res, "could not be read: out of memory"));
                }
            }).switchIfEmpty(op.bodyRequired()
                    ? Mono.error(() -> malformed(op, status, res, "has an empty body"))
                    : op.emptyResponse());
        }
        return ExceptionFactory.serviceError(res, body.asString(StandardCharsets.UTF_8));
    }

    private static boolean declaredOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException notANumber) {
            return false; // Netty's decoder refuses it
        }
    }

    private static ParticipantServiceException malformed(Operation<?, ?> op, int status, HttpClientResponse res,
                                                         String what) {
        return new ParticipantServiceException(status, null, op.name() + " answered with a success that " + what,
                res.responseHeaders().get("x-amzn-RequestId"), null);
    }

    private static <R> R parse(Operation<?, R> op, int status, HttpClientResponse res, ByteBuf buf) {
        R value;
        try {
            value = op.codec().read(buf);
        } catch (IOException e) {
            throw malformed(op, status, res, "is not its response (" + e.getClass().getSimpleName() + ": "
                    + (e instanceof com.fasterxml.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage())
                    + ")");
        }
        if (value == null && op.bodyRequired()) {
            throw malformed(op, status, res, "is null");
        }
        return value != null ? value : op.empty().get();
    }
}
