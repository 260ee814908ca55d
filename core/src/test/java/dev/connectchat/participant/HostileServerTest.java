package dev.connectchat.participant;

import dev.connectchat.participant.model.DisconnectParticipantRequest;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.testsupport.Awaits;
import dev.connectchat.participant.testsupport.ScriptedSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.connectchat.participant.testsupport.ScriptedSocketServer.ascii;
import static dev.connectchat.participant.testsupport.ScriptedSocketServer.readRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that plays byte-level tricks: drips, floods, huge heads, bodies that are not responses. Every call
 * ends, in time, with a typed error, and no connection is left open.
 */
class HostileServerTest {
    /** Guards against a hang; no test waits this long when the client behaves. */
    private static final Duration HANG = Duration.ofSeconds(15);

    ScriptedSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ParticipantClient client(ScriptedSocketServer.Script script) {
        server = ScriptedSocketServer.start(script);
        return ParticipantClient.builder().endpoint(server.endpoint()).retryPolicy(RetryPolicy.none())
                .responseTimeout(Duration.ofSeconds(3)).apiCallAttemptTimeout(Duration.ofSeconds(1)).build();
    }

    private static Mono<SendMessageResponse> send(ParticipantClient client) {
        return client.sendMessage(SendMessageRequest.builder().connectionToken("tok").contentType("text/plain")
                .content("hi").build());
    }

    private static void answer(OutputStream out, String head, String body) throws Exception {
        out.write(ascii(head + "Content-Length: " + body.length() + "\r\n\r\n" + body));
        out.flush();
    }

    private static <T extends Throwable> T failure(org.reactivestreams.Publisher<?> call, Class<T> type) {
        Throwable[] seen = new Throwable[1];
        StepVerifier.create(call).expectErrorSatisfies(e -> seen[0] = e).verify(HANG);
        assertThat(seen[0]).isInstanceOf(type);
        return type.cast(seen[0]);
    }

    /** As {@link #failure}, and the connection, which cannot be used again, is closed. */
    private <T extends Throwable> T failureClosing(Mono<?> call, Class<T> type) {
        T e = failure(call, type);
        Awaits.until(() -> server.open() == 0);
        return e;
    }

    @Test
    void aBodyDrippedOneByteAtATimeEndsAtTheAttemptDeadline() {
        ParticipantClient client = client((socket, in, out) -> {
            readRequest(in);
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"));
            for (int i = 0; i < 100; i++) {
                out.write('{');
                out.flush();
                Thread.sleep(200); // the hostile peer's pace, under the 3 s response timeout
            }
        });
        ParticipantTransportException e = failureClosing(send(client), ParticipantTransportException.class);
        assertThat(e.kind()).isEqualTo(ParticipantTransportException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("SendMessage");
    }

    @Test
    void dripHeadsThenCloseIsATypedClosedConnection() {
        server = ScriptedSocketServer.start((socket, in, out) -> {
            readRequest(in);
            for (byte b : ascii("HTTP/1.1 200 OK\r\nContent-Type: appl")) {
                out.write(b);
                out.flush();
                Thread.sleep(20);
            }
        });
        ParticipantClient client = ParticipantClient.builder().endpoint(server.endpoint())
                .retryPolicy(RetryPolicy.none()).build();
        ParticipantTransportException e = failureClosing(send(client), ParticipantTransportException.class);
        assertThat(e.kind()).isEqualTo(ParticipantTransportException.Kind.CLOSED);
    }

    @Test
    void aHeaderOfSixtyFourKilobytesIsATypedProtocolError() {
        ParticipantClient client = client((socket, in, out) -> {
            readRequest(in);
            answer(out, "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(65_536) + "\r\n", "{}");
            ScriptedSocketServer.awaitClose(in);
        });
        ParticipantTransportException e = failureClosing(send(client), ParticipantTransportException.class);
        assertThat(e.kind()).isEqualTo(ParticipantTransportException.Kind.PROTOCOL);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void aBodyOverTheLimitByItsLengthFailsAtOnceAndClosesTheConnection() {
        ParticipantClient client = client((socket, in, out) -> {
            readRequest(in);
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 209715200\r\n\r\n"));
            byte[] chunk = new byte[65_536];
            for (int i = 0; i < 3_200; i++) {
                out.write(chunk); // fails once the client closes
            }
        });
        ResponseTooLargeException e = failureClosing(send(client), ResponseTooLargeException.class);
        assertThat(e.limit()).isEqualTo(ParticipantClientBuilder.DEFAULT_MAX_RESPONSE_BYTES);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("SendMessage", "maxResponseBytes");
    }

    @Test
    void aChunkedBodyOverTheLimitFailsAsItArrives() {
        server = ScriptedSocketServer.start((socket, in, out) -> {
            readRequest(in);
            out.write(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
            String chunk = "8000\r\n" + " ".repeat(0x8000) + "\r\n";
            for (int i = 0; i < 6_400; i++) { // 200 MB, if nobody stops it
                out.write(ascii(chunk));
            }
        });
        ParticipantClient client = ParticipantClient.builder().endpoint(server.endpoint())
                .retryPolicy(RetryPolicy.none()).maxResponseBytes(1024 * 1024).build();
        ResponseTooLargeException e = failureClosing(send(client), ResponseTooLargeException.class);
        assertThat(e.limit()).isEqualTo(1024 * 1024);
    }

    @Test
    void anErrorBodyIsKeptOnlyInPart() {
        String message = "m".repeat(100_000);
        ParticipantClient client = client((socket, in, out) -> {
            readRequest(in);
            answer(out, "HTTP/1.1 500 Internal Server Error\r\nx-amzn-ErrorType: InternalServerException\r\n",
                    "{\"message\":\"" + message + "\"}");
            ScriptedSocketServer.awaitClose(in);
        });
        ParticipantServiceException e = failure(send(client), InternalServerException.class);
        assertThat(e.rawBody()).hasSizeLessThan(ParticipantServiceException.RAW_BODY_LIMIT + 100)
                .endsWith("more characters)");
    }

    @Test
    void aSuccessOfNullEmptyOrTrailingGarbageIsNoResponse() {
        for (String body : new String[]{"null", "", "{\"Id\":\"a\"} trailing", "{\"Id\":\"a\"}{\"Id\":\"b\"}"}) {
            ParticipantClient client = client((socket, in, out) -> {
                readRequest(in);
                answer(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n", body);
                ScriptedSocketServer.awaitClose(in);
            });
            ParticipantServiceException e = failure(send(client), ParticipantServiceException.class);
            assertThat(e.statusCode()).as(body).isEqualTo(200);
            assertThat(e.getMessage()).as(body).contains("SendMessage");
            server.close();
        }
    }

    @Test
    void anOperationWithoutOutputMembersTakesAnEmptySuccess() {
        ParticipantClient client = client((socket, in, out) -> {
            readRequest(in);
            answer(out, "HTTP/1.1 200 OK\r\n", "");
            ScriptedSocketServer.awaitClose(in);
        });
        StepVerifier.create(client.disconnectParticipant(DisconnectParticipantRequest.builder()
                        .connectionToken("tok").build()))
                .expectNextCount(1).expectComplete().verify(HANG);
    }

    @Test
    void aTimestampThatIsAnObjectCannotForgeItsSiblings() {
        ParticipantClient client = client((socket, in, out) -> {
            readRequest(in);
            answer(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n",
                    "{\"Transcript\":[{\"AbsoluteTime\":{\"Id\":\"INJECTED\",\"ParticipantRole\":\"AGENT\"},"
                            + "\"Id\":\"real-id\",\"ParticipantRole\":\"CUSTOMER\"}]}");
            ScriptedSocketServer.awaitClose(in);
        });
        ParticipantServiceException e = failure(client.transcript(GetTranscriptRequest.builder()
                .connectionToken("tok").build()).map(Item::id), ParticipantServiceException.class);
        assertThat(e.getMessage()).contains("GetTranscript");
    }

    @Test
    void emptyPagesEachWithANewNextTokenEndEvenUnderDemand() {
        AtomicInteger pages = new AtomicInteger();
        ParticipantClient client = client((socket, in, out) -> {
            while (true) {
                readRequest(in);
                answer(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n",
                        "{\"Transcript\":[],\"NextToken\":\"t" + pages.incrementAndGet() + "\"}");
            }
        });
        StepVerifier.create(client.transcript(GetTranscriptRequest.builder().connectionToken("tok").build())
                        .take(1000))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ParticipantServiceException.class)
                        .hasMessageContaining("empty pages"))
                .verify(HANG);
        assertThat(pages.get()).isEqualTo(10);
    }
}
