package dev.connectchat.participant.internal;

import dev.connectchat.participant.model.MessageProcessingMetadata;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.SendEventResponse;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SendMessageResponse;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * SendMessage's and SendEvent's bodies, written and read without data binding: they are the calls a chat makes
 * most, and a bridge makes thousands a second. The request is {@code {"ContentType","Content","ClientToken"}}
 * in that order (the model's, as the AWS SDK writes it); the answer {@code {"Id","AbsoluteTime"}}, for a message
 * also {@code "MessageMetadata"}. What they write and read is held to data binding's in the tests, byte for byte.
 */
final class SendCodec<Q, R> implements Codec<Q, R> {
    static final SendCodec<SendMessageRequest, SendMessageResponse> MESSAGE = new SendCodec<>(
            SendMessageRequest::contentType, SendMessageRequest::content, SendMessageRequest::clientToken,
            SendMessageResponse::new, true);
    static final SendCodec<SendEventRequest, SendEventResponse> EVENT = new SendCodec<>(
            SendEventRequest::contentType, SendEventRequest::content, SendEventRequest::clientToken,
            (id, time, metadata) -> new SendEventResponse(id, time), false);

    private final Function<Q, String> contentType;
    private final Function<Q, String> content;
    private final Function<Q, String> clientToken;
    private final Answer<R> answer;
    private final boolean hasMetadata;

    /** Makes the response of its members. */
    interface Answer<R> {
        R of(String id, Instant absoluteTime, MessageProcessingMetadata messageMetadata);
    }

    private SendCodec(Function<Q, String> contentType, Function<Q, String> content, Function<Q, String> clientToken,
                      Answer<R> answer, boolean hasMetadata) {
        this.contentType = contentType;
        this.content = content;
        this.clientToken = clientToken;
        this.answer = answer;
        this.hasMetadata = hasMetadata;
    }

    @Override
    public boolean hasBody() {
        return true;
    }

    @Override
    public void build() {
        // nothing to build
    }

    @Override
    public void write(Q request, ByteBuf out) throws IOException {
        new ByteJsonWriter(out)
                .member("ContentType", contentType.apply(request))
                .member("Content", content.apply(request))
                .member("ClientToken", clientToken.apply(request))
                .end();
    }

    @Override
    public R read(ByteBuf body) throws IOException {
        ByteJsonReader in = new ByteJsonReader(body);
        if (in.nullOrObject()) {
            in.end();
            return null;
        }
        String id = null;
        Instant absoluteTime = null;
        MessageProcessingMetadata metadata = null;
        while (in.nextMember()) {
            if (in.named("Id")) {
                id = in.string();
            } else if (in.named("AbsoluteTime")) {
                absoluteTime = in.timestamp();
            } else if (hasMetadata && in.named("MessageMetadata")) {
                metadata = metadata(in);
            } else {
                in.skipValue();
            }
        }
        in.end();
        return answer.of(id, absoluteTime, metadata);
    }

    private static MessageProcessingMetadata metadata(ByteJsonReader in) throws IOException {
        if (in.nullOrObject()) {
            in.resumeEnclosing();
            return null;
        }
        String status = null;
        while (in.nextMember()) {
            if (in.named("MessageProcessingStatus")) {
                status = in.string();
            } else {
                in.skipValue();
            }
        }
        in.resumeEnclosing();
        return new MessageProcessingMetadata(status);
    }
}
