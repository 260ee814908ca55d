package dev.connectchat.participant;

import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Recorded;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Upload: start, PUT with the asked-for headers and the declared size, complete. Download: streamed. */
class AttachmentTransferTest {
    CaptureServer server;
    ParticipantClient client;
    byte[] payload;

    @BeforeEach
    void start() {
        server = CaptureServer.start();
        client = ParticipantClient.builder().endpoint(server.uri()).retryPolicy(RetryPolicy.none()).build();
        payload = new byte[300_000];
        new Random(7).nextBytes(payload);
        server.otherwise(r -> switch (r.path()) {
            case "/participant/start-attachment-upload" -> Reply.json(200, "{\"AttachmentId\":\"att-1\","
                    + "\"UploadMetadata\":{\"Url\":\"" + server.uri() + "/bucket/att-1?X-Amz-Signature=sig\","
                    + "\"UrlExpiry\":\"2030-01-01T00:00:00.000Z\",\"HeadersToInclude\":{"
                    + "\"x-amz-meta-contact\":\"c-1\",\"Content-Type\":\"image/png\"}}}");
            case "/participant/attachment" -> Reply.json(200, "{\"Url\":\"" + server.uri()
                    + "/bucket/att-1?X-Amz-Signature=sig\",\"UrlExpiry\":\"2030-01-01T00:00:00.000Z\","
                    + "\"AttachmentSizeInBytes\":" + payload.length + "}");
            case "/bucket/att-1" -> r.method().equals("GET") ? Reply.bytes(200, payload) : Reply.json(200, "");
            default -> Reply.json(200, "{}");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void uploadsAFileWithEveryHeaderItAsksFor(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("a.png"), payload);
        StepVerifier.create(client.uploadAttachment("tok", "a.png", "image/png", file))
                .expectNext("att-1")
                .verifyComplete();
        Recorded start = server.take();
        assertThat(start.path()).isEqualTo("/participant/start-attachment-upload");
        assertThat(start.text()).contains("\"AttachmentSizeInBytes\":300000").contains("\"AttachmentName\":\"a.png\"");
        Recorded put = server.take();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.uri()).isEqualTo("/bucket/att-1?X-Amz-Signature=sig");
        assertThat(put.headers().get("x-amz-meta-contact")).isEqualTo("c-1");
        assertThat(put.headers().get("Content-Type")).isEqualTo("image/png");
        assertThat(put.headers().get("Content-Length")).isEqualTo("300000");
        assertThat(put.headers().get("X-Amz-Bearer")).as("no token to the storage").isNull();
        assertThat(put.body()).isEqualTo(payload);
        Recorded complete = server.take();
        assertThat(complete.path()).isEqualTo("/participant/complete-attachment-upload");
        assertThat(complete.text()).startsWith("{\"AttachmentIds\":[\"att-1\"],\"ClientToken\":\"");
    }

    @Test
    void uploadsAStreamOfBuffers() {
        Flux<ByteBuffer> chunks = Flux.range(0, 3).map(i -> ByteBuffer.wrap(payload, i * 100_000, 100_000));
        StepVerifier.create(client.uploadAttachment("tok", "a.bin", "image/png", chunks, payload.length))
                .expectNext("att-1")
                .verifyComplete();
        server.take();
        assertThat(server.take().body()).isEqualTo(payload);
        assertThat(server.take().path()).isEqualTo("/participant/complete-attachment-upload");
    }

    @Test
    void aStreamShorterThanDeclaredFailsAndIsNotCompleted() {
        Flux<ByteBuffer> chunks = Flux.just(ByteBuffer.wrap(payload, 0, 10));
        StepVerifier.create(client.uploadAttachment("tok", "a.bin", "image/png", chunks, 20))
                .expectError()
                .verify(Duration.ofSeconds(10));
        assertThat(server.drain()).extracting(Recorded::path)
                .doesNotContain("/participant/complete-attachment-upload");
    }

    @Test
    void downloadsAsAStream() {
        StepVerifier.create(client.downloadAttachment("tok", "att-1")
                        .reduce(0, (n, chunk) -> n + chunk.remaining()))
                .expectNext(payload.length)
                .verifyComplete();
        Recorded get = server.take();
        assertThat(get.path()).isEqualTo("/participant/attachment");
        assertThat(get.text()).isEqualTo("{\"AttachmentId\":\"att-1\"}");
        Recorded download = server.take();
        assertThat(download.method()).isEqualTo("GET");
        assertThat(download.headers().get("X-Amz-Bearer")).isNull();
    }

    @Test
    void downloadsIntoAFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.bin");
        StepVerifier.create(client.downloadAttachment("tok", "att-1", target))
                .expectNext(target)
                .verifyComplete();
        assertThat(Files.readAllBytes(target)).isEqualTo(payload);
    }

    @Test
    void aCancelledDownloadLeavesNoPartialFile(@TempDir Path dir) {
        server.otherwise(r -> r.path().equals("/participant/attachment")
                ? Reply.json(200, "{\"Url\":\"" + server.uri() + "/bucket/slow?X-Amz-Signature=sig\","
                + "\"UrlExpiry\":\"2030-01-01T00:00:00.000Z\"}")
                : Reply.never());
        Path target = dir.resolve("partial.bin");
        reactor.core.Disposable download = client.downloadAttachment("tok", "att-1", target).subscribe();
        dev.connectchat.participant.testsupport.Awaits.until(() -> Files.exists(target));
        download.dispose();
        dev.connectchat.participant.testsupport.Awaits.until(() -> !Files.exists(target));
    }

    @Test
    void aFailedDownloadIsTypedAndLeavesNoFile(@TempDir Path dir) {
        server.enqueue(Reply.json(200, "{\"Url\":\"" + server.uri() + "/gone\"}"),
                Reply.of(403, java.util.Map.of("Content-Type", "application/xml"), "<Error><Code>AccessDenied</Code></Error>"));
        Path target = dir.resolve("out.bin");
        StepVerifier.create(client.downloadAttachment("tok", "att-1", target))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ParticipantServiceException.class)
                        .extracting(x -> ((ParticipantServiceException) x).statusCode()).isEqualTo(403))
                .verify(Duration.ofSeconds(10));
        assertThat(target).doesNotExist();
    }
}
