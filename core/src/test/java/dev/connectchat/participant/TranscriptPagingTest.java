package dev.connectchat.participant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Recorded;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Transcript paging: pages are fetched on demand only, cancelling stops it, and it always ends. */
class TranscriptPagingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GetTranscriptRequest FIRST = GetTranscriptRequest.builder().connectionToken("tok")
            .maxResults(2).build();

    CaptureServer server;
    ParticipantClient client;

    @BeforeEach
    void start() {
        server = CaptureServer.start();
        client = ParticipantClient.builder().endpoint(server.uri()).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Page n holds items 2n and 2n+1 and points to page n+1, up to the last page. */
    private void pages(int count, String lastToken) {
        server.otherwise(r -> {
            int page = pageOf(r);
            String next = page + 1 < count ? "\"NextToken\":\"p" + (page + 1) + "\"" : lastToken;
            String items = IntStream.of(2 * page, 2 * page + 1)
                    .mapToObj(i -> "{\"Id\":\"i" + i + "\",\"Type\":\"MESSAGE\",\"Content\":\"m" + i
                            + "\",\"AbsoluteTime\":\"2024-01-01T00:00:0" + (i % 10) + ".000Z\"}")
                    .collect(Collectors.joining(","));
            return Reply.json(200, "{\"InitialContactId\":\"c\",\"Transcript\":[" + items + "]"
                    + (next == null ? "" : "," + next) + "}");
        });
    }

    private static int pageOf(Recorded r) {
        try {
            var token = JSON.readTree(r.body()).get("NextToken");
            return token == null ? 0 : Integer.parseInt(token.asText().substring(1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void itemsFollowNextTokenToTheEnd() {
        pages(3, null);
        StepVerifier.create(client.transcript(FIRST).map(Item::id))
                .expectNext("i0", "i1", "i2", "i3", "i4", "i5")
                .verifyComplete();
        assertThat(server.drain()).extracting(TranscriptPagingTest::pageOf).containsExactly(0, 1, 2);
    }

    @Test
    void anEmptyNextTokenEndsPaging() {
        pages(2, "\"NextToken\":\"\"");
        StepVerifier.create(client.transcriptPages(FIRST))
                .expectNextCount(2)
                .verifyComplete();
        assertThat(server.drain()).hasSize(2);
    }

    @Test
    void aRepeatedNextTokenEndsInAnErrorNotALoop() {
        server.otherwise(r -> Reply.json(200, "{\"Transcript\":[{\"Id\":\"x\"}],\"NextToken\":\"same\"}"));
        StepVerifier.create(client.transcript(FIRST).map(Item::id))
                .expectNext("x", "x")
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ParticipantServiceException.class)
                        .hasMessageContaining("NextToken"))
                .verify(Duration.ofSeconds(10));
        assertThat(server.drain()).hasSize(2);
    }

    @Test
    void noPageIsFetchedBeforeThereIsDemand() {
        pages(5, null);
        StepVerifier.create(client.transcript(FIRST), 0)
                .expectSubscription()
                .then(() -> assertThat(server.pending()).isZero())
                .thenRequest(2)
                .expectNext(item("i0"), item("i1"))
                .then(() -> assertThat(server.drain()).hasSize(1))
                .thenRequest(1)
                .expectNext(item("i2"))
                .then(() -> assertThat(server.drain()).as("one page per demand that the pages so far cannot meet").hasSize(1))
                .thenRequest(1)
                .expectNext(item("i3"))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        assertThat(server.drain()).as("no page after the demand was met").isEmpty();
    }

    @Test
    void pagesAreFetchedOneAtATimeOnDemand() {
        pages(5, null);
        StepVerifier.create(client.transcriptPages(FIRST), 1)
                .assertNext(p -> assertThat(p.transcript()).extracting(Item::id).containsExactly("i0", "i1"))
                .then(() -> assertThat(server.drain()).hasSize(1))
                .thenRequest(1)
                .assertNext(p -> assertThat(p.nextToken()).isEqualTo("p2"))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        assertThat(server.drain()).hasSize(1);
    }

    @Test
    void cancellingStopsThePageInFlight() {
        server.enqueue(Reply.never());
        StepVerifier.create(client.transcript(FIRST))
                .expectSubscription()
                .then(() -> server.take())
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        assertThat(server.pending()).isZero();
    }

    @Test
    void anErrorOnALaterPageComesAfterTheItemsBeforeIt() {
        pages(3, null);
        server.enqueue(Reply.json(200, "{\"Transcript\":[{\"Id\":\"a\"}],\"NextToken\":\"p1\"}"),
                Reply.json(500, "{}"));
        StepVerifier.create(client.transcript(FIRST).map(Item::id))
                .expectNext("a")
                .expectError(ParticipantServiceException.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anEmptyTranscriptCompletes() {
        server.enqueue(Reply.json(200, "{\"Transcript\":[]}"));
        StepVerifier.create(client.transcript(FIRST)).verifyComplete();
        GetTranscriptResponse none = GetTranscriptResponse.builder().build();
        assertThat(none.transcript()).isEmpty();
    }

    private static Item item(String id) {
        int i = Integer.parseInt(id.substring(1));
        return Item.builder().id(id).type(dev.connectchat.participant.model.ChatItemType.MESSAGE).content("m" + i)
                .absoluteTime(java.time.Instant.parse("2024-01-01T00:00:0" + (i % 10) + ".000Z")).build();
    }

    @Test
    void everyPageCarriesTheSubscribersContext() {
        java.util.List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ParticipantClient traced = ParticipantClient.builder().endpoint(server.uri()).retryPolicy(RetryPolicy.none())
                .httpClient(reactor.netty.http.client.HttpClient.create()
                        .doOnRequest((req, conn) -> seen.add(req.currentContextView().getOrDefault("trace", "none"))))
                .build();
        server.enqueue(Reply.json(200, "{\"Transcript\":[{\"Id\":\"a\"}],\"NextToken\":\"t1\"}"),
                Reply.json(200, "{\"Transcript\":[{\"Id\":\"b\"}]}"));
        StepVerifier.create(traced.transcript(FIRST).map(Item::id).contextWrite(reactor.util.context.Context.of("trace", "t-42")))
                .expectNext("a", "b")
                .verifyComplete();
        assertThat(seen).containsExactly("t-42", "t-42");
        server.drain();
    }
}
