package dev.connectchat.participant.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the emulator answers on the wire, seen by a plain HTTP client that sends what our own client never
 * would: error answers shaped like the service's, a request id on every answer, CORS for browser clients,
 * and SigV4 signatures ignored.
 */
class EmulatorWireTest {
    static ParticipantEmulator emulator;
    static EmulatedChat chat;
    static HttpClient http;

    record Seen(int status, io.netty.handler.codec.http.HttpHeaders headers, String body) {
    }

    @BeforeAll
    static void start() {
        emulator = ParticipantEmulator.start();
        chat = emulator.startChat();
        http = HttpClient.create().baseUrl(emulator.endpoint().toString());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static Seen post(String path, String token, String body) {
        return http.headers(h -> {
                    if (token != null) {
                        h.set("X-Amz-Bearer", token);
                    }
                    h.set("Content-Type", "application/json");
                    h.set("Authorization", "AWS4-HMAC-SHA256 Credential=/20240101/us-east-1/execute-api/aws4_request, "
                            + "SignedHeaders=host, Signature=0000");
                })
                .post().uri(path).send(reactor.netty.ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((HttpClientResponse res, reactor.netty.ByteBufMono content) -> content.asString()
                        .defaultIfEmpty("").map(text -> new Seen(res.status().code(), res.responseHeaders(), text)))
                .block(Duration.ofSeconds(10));
    }

    static String connectionToken() {
        Seen r = post("/participant/connection", chat.participantToken(), "{\"Type\":[\"CONNECTION_CREDENTIALS\"]}");
        assertThat(r.status()).isEqualTo(200);
        return r.body().replaceAll(".*\"ConnectionToken\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void validationErrorsAreAnsweredLikeTheService() {
        Seen r = post("/participant/message", connectionToken(), "{\"ContentType\":\"text/plain\",\"Content\":\"\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers().get("x-amzn-ErrorType")).isEqualTo("ValidationException");
        assertThat(r.headers().get("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
        assertThat(r.body()).startsWith("{\"message\":\"").contains("Content");
        Seen wrongType = post("/participant/message", connectionToken(), "{\"ContentType\":\"image/png\",\"Content\":\"x\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        Seen notJson = post("/participant/message", connectionToken(), "{not json");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void missingOrWrongTokensGet403() {
        Seen none = post("/participant/message", null, "{\"ContentType\":\"text/plain\",\"Content\":\"x\"}");
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.headers().get("x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
        assertThat(none.headers().get("x-amzn-RequestId")).isNotBlank();
    }

    @Test
    void signedRequestsAreAuthenticatedByTheBearerTokenAlone() {
        Seen r = post("/participant/message", connectionToken(), "{\"ContentType\":\"text/plain\",\"Content\":\"signed\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"Id\":").contains("\"AbsoluteTime\":");
    }

    @Test
    void corsPreflightNamesTheHeadersOneByOne() {
        Seen r = http.headers(h -> h.set("Origin", "http://localhost:3000")
                        .set("Access-Control-Request-Method", "POST")
                        .set("Access-Control-Request-Headers", "authorization,content-type,x-amz-bearer,x-amz-date"))
                .options().uri("/participant/message")
                .responseSingle((res, content) -> content.asString().defaultIfEmpty("")
                        .map(text -> new Seen(res.status().code(), res.responseHeaders(), text)))
                .block(Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(r.headers().get("Access-Control-Allow-Methods")).contains("POST");
        assertThat(r.headers().get("Access-Control-Allow-Headers")).contains("authorization", "content-type",
                "x-amz-bearer", "x-amz-content-sha256", "x-amz-date", "x-amz-user-agent").doesNotContain("*");
    }

    @Test
    void aBrowsersPreflightForTheUploadUrlAllowsTheHeadersTheUploadMustCarry() {
        String token = connectionToken();
        Seen start = post("/participant/start-attachment-upload", token, "{\"ContentType\":\"text/plain\","
                + "\"AttachmentSizeInBytes\":5,\"AttachmentName\":\"a.txt\",\"ClientToken\":\"c-cors\"}");
        String url = start.body().replaceAll(".*\"Url\":\"([^\"]+)\".*", "$1");
        String headersToInclude = start.body().replaceAll(".*\"HeadersToInclude\":\\{([^}]*)}.*", "$1");
        assertThat(headersToInclude).contains("x-amz-meta-attachment-id");
        Seen r = http.headers(h -> h.set("Origin", "http://localhost:3000")
                        .set("Access-Control-Request-Method", "PUT")
                        .set("Access-Control-Request-Headers", "content-type,x-amz-meta-attachment-id"))
                .options().uri(java.net.URI.create(url).getRawPath() + "?" + java.net.URI.create(url).getRawQuery())
                .responseSingle((res, content) -> content.asString().defaultIfEmpty("")
                        .map(text -> new Seen(res.status().code(), res.responseHeaders(), text)))
                .block(Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(r.headers().get("Access-Control-Allow-Methods")).contains("PUT");
        // every header the start answer told the client to send, by name, so the browser lets the PUT through
        for (String name : headersToInclude.replaceAll("\"([^\"]+)\":\"[^\"]*\"", "$1").split(",")) {
            assertThat(r.headers().get("Access-Control-Allow-Headers").toLowerCase()).contains(name.strip().toLowerCase());
        }
    }

    @Test
    void theUploadUrlChecksHeadersAndSize() {
        String token = connectionToken();
        Seen start = post("/participant/start-attachment-upload", token, "{\"ContentType\":\"text/plain\","
                + "\"AttachmentSizeInBytes\":5,\"AttachmentName\":\"a.txt\",\"ClientToken\":\"c1\"}");
        assertThat(start.status()).isEqualTo(200);
        String url = start.body().replaceAll(".*\"Url\":\"([^\"]+)\".*", "$1");
        int wrongSize = HttpClient.create().headers(h -> h.set("Content-Type", "text/plain")
                        .set("x-amz-meta-attachment-id", start.body().replaceAll(".*\"AttachmentId\":\"([^\"]+)\".*", "$1")))
                .put().uri(url).send(reactor.netty.ByteBufFlux.fromString(Mono.just("toolong")))
                .response().map(res -> res.status().code()).block(Duration.ofSeconds(10));
        assertThat(wrongSize).isEqualTo(403);
        int noHeaders = HttpClient.create().put().uri(url).send(reactor.netty.ByteBufFlux.fromString(Mono.just("12345")))
                .response().map(res -> res.status().code()).block(Duration.ofSeconds(10));
        assertThat(noHeaders).isEqualTo(403);
    }
}
