package dev.connectchat.participant.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ConflictException;
import dev.connectchat.participant.InternalServerException;
import dev.connectchat.participant.ParticipantServiceException;
import dev.connectchat.participant.ParticipantTransportException;
import dev.connectchat.participant.ResourceNotFoundException;
import dev.connectchat.participant.ServiceQuotaExceededException;
import dev.connectchat.participant.ThrottlingException;
import dev.connectchat.participant.ValidationException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.timeout.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;

/**
 * Turns error answers and transport failures into the library's exceptions, reading the error code, message
 * and request id the way AWS SDKs read rest-json errors.
 */
final class ExceptionFactory {
    private ExceptionFactory() {
    }

    /**
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the response body, possibly empty
     * @return the typed exception
     */
    public static ParticipantServiceException serviceError(int status, HttpHeaders headers, String body) {
        JsonNode json = parse(body);
        String code = errorCode(headers.get("x-amzn-ErrorType"), json);
        String message = firstNonEmpty(headers.get("x-amzn-error-message"),
                text(json, "message"), text(json, "Message"), text(json, "errorMessage"), text(json, "Reason"));
        String requestId = firstNonEmpty(headers.get("x-amzn-RequestId"), headers.get("x-amz-request-id"));
        String raw = body == null || body.isEmpty() ? null : body;
        if (code == null) {
            return new ParticipantServiceException(status, null, message, requestId, raw);
        }
        switch (code) {
            case "AccessDeniedException":
                return new AccessDeniedException(status, message, requestId, raw);
            case "ValidationException":
                return new ValidationException(status, message, requestId, raw);
            case "ThrottlingException":
                return new ThrottlingException(status, message, requestId, raw);
            case "InternalServerException":
                return new InternalServerException(status, message, requestId, raw);
            case "ServiceQuotaExceededException":
                return new ServiceQuotaExceededException(status, message, requestId, raw);
            case "ConflictException":
                return new ConflictException(status, message, requestId, raw);
            case "ResourceNotFoundException":
                return new ResourceNotFoundException(status, message, requestId, raw,
                        text(json, "ResourceId"), text(json, "ResourceType"));
            default:
                return new ParticipantServiceException(status, code, message, requestId, raw);
        }
    }

    /**
     * @param res an error response
     * @param body its body, as text
     * @return fails with the typed exception of the answer
     */
    public static <T> Mono<T> serviceError(HttpClientResponse res, Mono<String> body) {
        return body.defaultIfEmpty("").flatMap(text ->
                Mono.error(serviceError(res.status().code(), res.responseHeaders(), text)));
    }

    /**
     * The code comes from {@code x-amzn-ErrorType}, else the body's {@code __type}, else its {@code code}:
     * cut at the first {@code :}, keep what follows a {@code #}.
     */
    static String errorCode(String header, JsonNode json) {
        String raw = firstNonEmpty(header, text(json, "__type"), text(json, "code"));
        if (raw == null) {
            return null;
        }
        int colon = raw.indexOf(':');
        if (colon >= 0) {
            raw = raw.substring(0, colon);
        }
        int hash = raw.lastIndexOf('#');
        if (hash >= 0) {
            raw = raw.substring(hash + 1);
        }
        raw = raw.trim();
        return raw.isEmpty() ? null : raw;
    }

    /**
     * @param operation the operation that failed
     * @param failure what the HTTP client signalled
     * @return the transport exception, or {@code failure} itself when it is not a transport failure
     */
    public static Throwable transportError(String operation, Throwable failure) {
        ParticipantTransportException.Kind kind = transportKind(failure);
        return kind == null ? failure : new ParticipantTransportException(operation, kind, failure);
    }

    private static ParticipantTransportException.Kind transportKind(Throwable failure) {
        if (failure instanceof ConnectException || failure instanceof ConnectTimeoutException
                || failure instanceof UnknownHostException || failure instanceof NoRouteToHostException
                || failure instanceof SSLException) {
            return ParticipantTransportException.Kind.CONNECT;
        }
        // Reactor Netty's pool, shaded: no connection could be had in time
        String type = failure.getClass().getSimpleName();
        if (type.equals("PoolAcquireTimeoutException") || type.equals("PoolAcquirePendingLimitException")) {
            return ParticipantTransportException.Kind.CONNECT;
        }
        if (failure instanceof TimeoutException || failure instanceof java.util.concurrent.TimeoutException) {
            return ParticipantTransportException.Kind.TIMEOUT;
        }
        if (failure instanceof PrematureCloseException || failure instanceof ClosedChannelException
                || failure instanceof PrematureChannelClosureException) {
            return ParticipantTransportException.Kind.CLOSED;
        }
        if (failure instanceof TooLongFrameException || failure instanceof DecoderException) {
            // a header line or a head too long, or a head that is not HTTP
            return ParticipantTransportException.Kind.PROTOCOL;
        }
        if (failure instanceof IOException) {
            String message = String.valueOf(failure.getMessage());
            return message.contains("reset") || message.contains("Broken pipe")
                    ? ParticipantTransportException.Kind.CLOSED
                    : ParticipantTransportException.Kind.IO;
        }
        return null;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode tree = Json.TREE.readTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        if (json == null) {
            return null;
        }
        JsonNode node = json.get(field);
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
