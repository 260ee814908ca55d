package dev.connectchat.participant.internal;

import dev.connectchat.participant.InvalidRequestException;
import dev.connectchat.participant.model.CompleteAttachmentUploadRequest;
import dev.connectchat.participant.model.GetAttachmentRequest;
import dev.connectchat.participant.model.StartAttachmentUploadRequest;
import dev.connectchat.participant.model.UploadMetadata;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Attachments: StartAttachmentUpload, a PUT of the bytes to the pre-signed URL with exactly the headers it
 * asks for, CompleteAttachmentUpload; and GetAttachment followed by a streaming GET. Bytes are streamed both
 * ways, never held whole in memory; file I/O runs off the event loop. Pre-signed URLs get no bearer token.
 */
final class AttachmentTransfer {
    private final DefaultParticipantClient client;
    private final HttpClient transfer;

    AttachmentTransfer(DefaultParticipantClient client, HttpClient transfer) {
        this.client = client;
        this.transfer = transfer;
    }

    Mono<String> upload(String token, String name, String contentType, Path file) {
        if (file == null) {
            return Mono.error(new InvalidRequestException("uploadAttachment", "file", "is required"));
        }
        return Mono.fromCallable(() -> Files.size(file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(size -> upload(token, name, contentType, size, (req, out) -> out.sendFile(file)));
    }

    Mono<String> upload(String token, String name, String contentType, Publisher<ByteBuffer> content, long size) {
        if (content == null) {
            return Mono.error(new InvalidRequestException("uploadAttachment", "content", "is required"));
        }
        return Mono.defer(() -> {
            AtomicLong sent = new AtomicLong();
            Flux<ByteBuf> body = Flux.from(content)
                    .map(chunk -> {
                        sent.addAndGet(chunk.remaining());
                        return Unpooled.wrappedBuffer(chunk);
                    })
                    .concatWith(Mono.defer(() -> sent.get() == size ? Mono.empty()
                            : Mono.error(new IllegalArgumentException("uploadAttachment: the content had "
                            + sent.get() + " bytes, but its size was declared as " + size))));
            return upload(token, name, contentType, size, (req, out) -> out.send(body));
        });
    }

    private Mono<String> upload(String token, String name, String contentType, long size,
                                BiFunction<HttpClientRequest, NettyOutbound, NettyOutbound> body) {
        StartAttachmentUploadRequest start = StartAttachmentUploadRequest.builder()
                .connectionToken(token).attachmentName(name).contentType(contentType).attachmentSizeInBytes(size)
                .build();
        return client.startAttachmentUpload(start).flatMap(started -> put(started.uploadMetadata(), size, body)
                .then(client.completeAttachmentUpload(CompleteAttachmentUploadRequest.builder()
                        .connectionToken(token).attachmentIds(started.attachmentId()).build()))
                .thenReturn(started.attachmentId()));
    }

    private Mono<Void> put(UploadMetadata upload, long size,
                           BiFunction<HttpClientRequest, NettyOutbound, NettyOutbound> body) {
        if (upload == null || upload.url() == null) {
            return Mono.error(new IllegalStateException("StartAttachmentUpload answered without an upload URL"));
        }
        Map<String, String> headers = upload.headersToInclude();
        return transfer.put().uri(upload.url())
                .send((req, out) -> {
                    headers.forEach(req::header);
                    req.requestHeaders().set(HttpHeaderNames.CONTENT_LENGTH, size);
                    return body.apply(req, out);
                })
                .responseSingle((res, content) -> ok(res)
                        ? content.then()
                        : ExceptionFactory.<Void>serviceError(res, content.asString(StandardCharsets.UTF_8)))
                .onErrorMap(e -> ExceptionFactory.transportError("uploadAttachment", e));
    }

    Flux<ByteBuffer> download(String token, String attachmentId) {
        GetAttachmentRequest request = GetAttachmentRequest.builder()
                .connectionToken(token).attachmentId(attachmentId).build();
        return client.getAttachment(request).flatMapMany(found -> transfer.get().uri(found.url())
                .response((res, content) -> ok(res)
                        ? content.map(AttachmentTransfer::copy)
                        : ExceptionFactory.<ByteBuffer>serviceError(res, content.aggregate().asString(StandardCharsets.UTF_8)))
                .onErrorMap(e -> ExceptionFactory.transportError("downloadAttachment", e)));
    }

    Mono<Path> download(String token, String attachmentId, Path target) {
        if (target == null) {
            return Mono.error(new InvalidRequestException("downloadAttachment", "target", "is required"));
        }
        return Mono.using(
                        () -> FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING),
                        channel -> download(token, attachmentId)
                                .publishOn(Schedulers.boundedElastic())
                                .doOnNext(chunk -> write(channel, chunk))
                                .then(Mono.just(target)),
                        AttachmentTransfer::close)
                .onErrorResume(e -> Mono.fromRunnable(() -> deleteQuietly(target)).then(Mono.error(e)))
                // a download cancelled half-way leaves no partial file behind either (the file is closed
                // first: Mono.using closes it on cancel before this runs)
                .doOnCancel(() -> Schedulers.boundedElastic().schedule(() -> deleteQuietly(target)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static boolean ok(HttpClientResponse res) {
        return res.status().code() / 100 == 2;
    }

    /** The buffer goes back to the pool when this returns, so its bytes are copied out. */
    private static ByteBuffer copy(ByteBuf chunk) {
        ByteBuffer copy = ByteBuffer.allocate(chunk.readableBytes());
        chunk.getBytes(chunk.readerIndex(), copy);
        return copy.flip();
    }

    private static void write(FileChannel channel, ByteBuffer chunk) {
        try {
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was lost: every write completed or failed on its own
        }
    }

    private static void deleteQuietly(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException ignored) {
            // the download failed already; a partial file we cannot delete is left for the caller
        }
    }
}
