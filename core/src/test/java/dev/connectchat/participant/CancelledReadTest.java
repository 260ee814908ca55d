package dev.connectchat.participant;

import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.testsupport.Awaits;
import dev.connectchat.participant.testsupport.ScriptedSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.connectchat.participant.testsupport.ScriptedSocketServer.ascii;
import static dev.connectchat.participant.testsupport.ScriptedSocketServer.readRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read (a transcript page, say) cancelled while its answer arrives — its session closed, its paging taken
 * far enough — is read to its end rather than cut off in the middle of the body: the answer's buffers are
 * released by the client, not left to Reactor Netty's handling of a body nobody reads any more, and the
 * connection goes back to the pool.
 */
class CancelledReadTest {
    private static final String BODY = "{\"InitialContactId\":\"c-1\",\"Transcript\":[]}";

    ScriptedSocketServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReadCancelledInTheMiddleOfItsBodyIsReadToTheEndAndItsConnectionReused() throws Exception {
        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        server = ScriptedSocketServer.start((socket, in, out) -> {
            while (true) {
                readRequest(in);
                String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + BODY.length() + "\r\n\r\n";
                if (requests.incrementAndGet() == 1) {
                    out.write(ascii(head + BODY.substring(0, 10)));
                    out.flush();
                    halfSent.countDown();
                    cancelled.await(10, TimeUnit.SECONDS);
                    out.write(ascii(BODY.substring(10)));
                } else {
                    out.write(ascii(head + BODY));
                }
                out.flush();
            }
        });
        // one connection: the next call waits for it rather than opening another while the first read ends
        ClientResources pool = ClientResources.builder().maxConnections(1).build();
        ParticipantClient client = ParticipantClient.builder().endpoint(server.endpoint()).clientResources(pool)
                .retryPolicy(RetryPolicy.none()).build();
        GetTranscriptRequest request = GetTranscriptRequest.builder().connectionToken("tok").build();
        try {
            Disposable call = client.getTranscript(request).subscribe();
            assertThat(halfSent.await(10, TimeUnit.SECONDS)).isTrue();
            call.dispose();
            cancelled.countDown();

            GetTranscriptResponse next = client.getTranscript(request).block(Duration.ofSeconds(10));
            assertThat(next.initialContactId()).isEqualTo("c-1");
            assertThat(server.accepted()).as("connections: the cancelled read's went back to the pool").isEqualTo(1);
        } finally {
            client.close();
            pool.close();
        }
    }

    @Test
    void aCancelledReadWhoseAnswerStallsIsCutOffAfterAMomentAndDoesNotHoldItsConnection() throws Exception {
        CountDownLatch halfSent = new CountDownLatch(1);
        server = ScriptedSocketServer.start((socket, in, out) -> {
            readRequest(in);
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + BODY.length() + "\r\n\r\n" + BODY.substring(0, 10)));
            out.flush();
            halfSent.countDown();
            ScriptedSocketServer.awaitClose(in); // the rest never comes
        });
        ParticipantClient client = ParticipantClient.builder().endpoint(server.endpoint())
                .retryPolicy(RetryPolicy.none()).build();
        try {
            Disposable call = client.getTranscript(GetTranscriptRequest.builder().connectionToken("tok").build())
                    .subscribe();
            assertThat(halfSent.await(10, TimeUnit.SECONDS)).isTrue();
            call.dispose();
            // well before the attempt's 30 s deadline: the grace of an abandoned read is 2 s
            Awaits.until(() -> server.open() == 0, Duration.ofSeconds(10));
        } finally {
            client.close();
        }
    }
}
