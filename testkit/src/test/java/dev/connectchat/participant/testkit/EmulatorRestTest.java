package dev.connectchat.participant.testkit;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ConflictException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.ParticipantServiceException;
import dev.connectchat.participant.ResourceNotFoundException;
import dev.connectchat.participant.RetryPolicy;
import dev.connectchat.participant.ServiceQuotaExceededException;
import dev.connectchat.participant.ThrottlingException;
import dev.connectchat.participant.model.ArtifactStatus;
import dev.connectchat.participant.model.ChatItemType;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.CreateParticipantConnectionResponse;
import dev.connectchat.participant.model.DescribeViewRequest;
import dev.connectchat.participant.model.DisconnectParticipantRequest;
import dev.connectchat.participant.model.GetAuthenticationUrlRequest;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.ParticipantRole;
import dev.connectchat.participant.model.ScanDirection;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.model.SortKey;
import dev.connectchat.participant.model.StartPosition;
import dev.connectchat.participant.model.View;
import dev.connectchat.participant.model.ViewContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's REST API through the library's own client: behaviour, checks and faults. */
class EmulatorRestTest {
    ParticipantEmulator emulator;
    ParticipantClient client;
    EmulatedChat chat;
    String token;

    @BeforeEach
    void start() {
        emulator = ParticipantEmulator.builder().maxAttachmentSize(1000).maxAttachmentsPerChat(2)
                .rejectedAttachmentTypes(java.util.Set.of("application/pdf")).start();
        client = ParticipantClient.builder().endpoint(emulator.endpoint()).retryPolicy(RetryPolicy.none()).build();
        chat = emulator.startChat("Jane");
        token = connect().connectionCredentials().connectionToken();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CreateParticipantConnectionResponse connect() {
        return client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                .participantToken(chat.participantToken()).build()).block(Duration.ofSeconds(10));
    }

    private SendMessageResponse say(String text) {
        return client.sendMessage(SendMessageRequest.builder().connectionToken(token).contentType("text/plain")
                .content(text).build()).block(Duration.ofSeconds(10));
    }

    private <T> void fails(Mono<T> call, Class<? extends Throwable> type) {
        StepVerifier.create(call).expectError(type).verify(Duration.ofSeconds(10));
    }

    @Test
    void createParticipantConnectionGivesAWebSocketUrlAndAToken() {
        Instant before = Instant.now();
        CreateParticipantConnectionResponse r = connect();
        assertThat(r.websocket().url()).startsWith("ws://127.0.0.1:" + emulator.endpoint().getPort() + "/connect?");
        assertThat(r.websocket().connectionExpiry()).isBetween(before.plusSeconds(99), Instant.now().plusSeconds(101));
        assertThat(r.connectionCredentials().connectionToken()).isNotBlank().isNotEqualTo(token);
        assertThat(r.connectionCredentials().expiry()).isAfter(before.plus(Duration.ofHours(23)));
    }

    @Test
    void messagesAreStoredInOrderWithUniqueIdsAndMillisecondTimes() {
        SendMessageResponse first = say("hello");
        Item agent = chat.agent().sendMessage("hi Jane");
        SendMessageResponse third = say("bye");
        List<Item> items = chat.transcript();
        assertThat(items).extracting(Item::contentType).containsExactly(
                "application/vnd.amazonaws.connect.event.participant.joined", "text/plain", "text/plain", "text/plain");
        assertThat(items).extracting(Item::id).doesNotHaveDuplicates()
                .contains(first.id(), agent.id(), third.id());
        assertThat(items.get(1).participantRole()).isEqualTo(ParticipantRole.CUSTOMER);
        assertThat(items.get(1).displayName()).isEqualTo("Jane");
        assertThat(items.get(2).participantRole()).isEqualTo(ParticipantRole.AGENT);
        assertThat(items).allSatisfy(i -> assertThat(i.absoluteTime().getNano() % 1_000_000).isZero());
        assertThat(items).extracting(Item::absoluteTime).isSorted();
    }

    @Test
    void aRepeatedClientTokenReturnsTheFirstResultAndCreatesNothing() {
        SendMessageRequest request = SendMessageRequest.builder().connectionToken(token).contentType("text/plain")
                .content("once").clientToken("same-token").build();
        SendMessageResponse a = client.sendMessage(request).block();
        SendMessageResponse b = client.sendMessage(request).block();
        assertThat(b).isEqualTo(a);
        assertThat(chat.transcript()).filteredOn(i -> "once".equals(i.content())).hasSize(1);
        client.disconnectParticipant(DisconnectParticipantRequest.builder().connectionToken(token).clientToken("d")
                .build()).block();
        assertThat(chat.transcript()).filteredOn(i -> i.contentType().endsWith("participant.left")).hasSize(1);
    }

    @Test
    void transcriptPagingAsDocumented() {
        List<String> ids = IntStream.range(0, 25).mapToObj(i -> say("m" + i).id()).toList();
        // default: the 10 most recent, newest first (BACKWARD, DESCENDING)
        GetTranscriptResponse page = transcript(GetTranscriptRequest.builder());
        assertThat(page.transcript()).extracting(Item::content).containsExactly(
                "m24", "m23", "m22", "m21", "m20", "m19", "m18", "m17", "m16", "m15");
        assertThat(page.nextToken()).isNotEmpty();
        // the whole transcript by following NextToken, 26 items with the join
        assertThat(client.transcript(GetTranscriptRequest.builder().connectionToken(token).build()).collectList()
                .block()).hasSize(26);
        // forward from an id, ascending
        GetTranscriptResponse forward = transcript(GetTranscriptRequest.builder().maxResults(3)
                .startPosition(StartPosition.builder().id(ids.get(5)).build()).sortOrder(SortKey.ASCENDING));
        assertThat(forward.transcript()).extracting(Item::content).containsExactly("m5", "m6", "m7");
        // the three most recent, forward
        GetTranscriptResponse recent = transcript(GetTranscriptRequest.builder().sortOrder(SortKey.ASCENDING)
                .startPosition(StartPosition.builder().mostRecent(2).build()));
        assertThat(recent.transcript()).extracting(Item::content).containsExactly("m22", "m23", "m24");
        assertThat(recent.nextToken()).isNull();
        // backward from a time
        Instant at = chat.transcript().get(4).absoluteTime();
        GetTranscriptResponse back = transcript(GetTranscriptRequest.builder().maxResults(100)
                .scanDirection(ScanDirection.BACKWARD).startPosition(StartPosition.builder().absoluteTime(at).build()));
        assertThat(back.transcript()).extracting(Item::absoluteTime).allSatisfy(t -> assertThat(t).isBeforeOrEqualTo(at));
        // an empty StartPosition is no start position (the browser client sends it)
        assertThat(transcript(GetTranscriptRequest.builder().startPosition(StartPosition.builder().build()))
                .transcript()).hasSize(10);
        assertThat(page.initialContactId()).isEqualTo(chat.contactId());
        assertThat(page.transcript()).allSatisfy(i -> assertThat(i.contactId()).isNull());
    }

    private GetTranscriptResponse transcript(GetTranscriptRequest.Builder request) {
        return client.getTranscript(request.connectionToken(token).build()).block(Duration.ofSeconds(10));
    }

    @Test
    void tokensAreCheckedLikeTheService() {
        fails(client.sendMessage(SendMessageRequest.builder().connectionToken(chat.participantToken())
                .contentType("text/plain").content("x").build()), AccessDeniedException.class);
        fails(client.createParticipantConnection(CreateParticipantConnectionRequest.builder().participantToken(token)
                .build()), AccessDeniedException.class);
        fails(client.sendMessage(SendMessageRequest.builder().connectionToken("nope").contentType("text/plain")
                .content("x").build()), AccessDeniedException.class);
        chat.faults().expireConnectionTokens();
        fails(client.sendMessage(SendMessageRequest.builder().connectionToken(token).contentType("text/plain")
                .content("x").build()), AccessDeniedException.class);
        token = connect().connectionCredentials().connectionToken();
        assertThat(say("works again").id()).isNotNull();
    }

    @Test
    void disconnectEndsTheParticipantsAccess() {
        client.disconnectParticipant(DisconnectParticipantRequest.builder().connectionToken(token).build()).block();
        assertThat(chat.transcript()).last().satisfies(i -> {
            assertThat(i.contentType()).isEqualTo("application/vnd.amazonaws.connect.event.participant.left");
            assertThat(i.participantRole()).isEqualTo(ParticipantRole.CUSTOMER);
        });
        fails(client.sendMessage(SendMessageRequest.builder().connectionToken(token).contentType("text/plain")
                .content("x").build()), AccessDeniedException.class);
    }

    @Test
    void theEndOfTheChatIsAnEventAndThen403() {
        Item ended = chat.end();
        assertThat(ended.contentType()).isEqualTo("application/vnd.amazonaws.connect.event.chat.ended");
        assertThat(chat.transcript()).last().isEqualTo(ended);
        fails(client.sendMessage(SendMessageRequest.builder().connectionToken(token).contentType("text/plain")
                .content("x").build()), AccessDeniedException.class);
        fails(client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                .participantToken(chat.participantToken()).build()), AccessDeniedException.class);
    }

    @Test
    void receiptsUpdateTheMessage() {
        Item message = chat.agent().sendMessage("read me");
        client.sendEvent(SendEventRequest.builder().connectionToken(token)
                .contentType("application/vnd.amazonaws.connect.event.message.read")
                .content("{\"messageId\":\"" + message.id() + "\"}").build()).block();
        Item stored = chat.transcript().stream().filter(i -> i.id().equals(message.id())).findFirst().orElseThrow();
        assertThat(stored.messageMetadata().receipts()).singleElement().satisfies(r -> {
            assertThat(r.readTimestamp()).isNotNull();
            assertThat(r.recipientParticipantId()).isEqualTo(chat.customerParticipantId());
        });
        fails(client.sendEvent(SendEventRequest.builder().connectionToken(token)
                .contentType("application/vnd.amazonaws.connect.event.message.read")
                .content("{\"messageId\":\"no-such\"}").build()), ParticipantServiceException.class);
        int before = chat.transcript().size();
        client.sendEvent(SendEventRequest.builder().connectionToken(token)
                .contentType("application/vnd.amazonaws.connect.event.typing").build()).block();
        assertThat(chat.transcript()).as("typing is pushed, not stored").hasSize(before);
    }

    @Test
    void anAgentsReadEventIsAReceiptForTheCustomersLatestMessage() {
        SendMessageResponse mine = say("did you read this?");
        chat.agent().sendEvent("application/vnd.amazonaws.connect.event.message.read");
        Item stored = chat.transcript().stream().filter(i -> i.id().equals(mine.id())).findFirst().orElseThrow();
        assertThat(stored.messageMetadata().receipts()).singleElement()
                .satisfies(r -> assertThat(r.recipientParticipantId()).isEqualTo(chat.agent().participantId()));
    }

    @Test
    void attachmentsUploadScanAndDownload() {
        byte[] bytes = "a small file".getBytes(StandardCharsets.UTF_8);
        String id = client.uploadAttachment(token, "note.txt", "text/plain", Flux.just(ByteBuffer.wrap(bytes)),
                bytes.length).block(Duration.ofSeconds(10));
        assertThat(chat.transcript()).last().satisfies(i -> {
            assertThat(i.type()).isEqualTo(ChatItemType.ATTACHMENT);
            assertThat(i.attachments()).singleElement().satisfies(a -> {
                assertThat(a.attachmentId()).isEqualTo(id);
                assertThat(a.status()).isEqualTo(ArtifactStatus.APPROVED);
                assertThat(a.attachmentName()).isEqualTo("note.txt");
            });
        });
        byte[] downloaded = client.downloadAttachment(token, id).reduce(new java.io.ByteArrayOutputStream(), (out, b) -> {
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.writeBytes(chunk);
            return out;
        }).block(Duration.ofSeconds(10)).toByteArray();
        assertThat(downloaded).isEqualTo(bytes);

        String rejected = client.uploadAttachment(token, "x.pdf", "application/pdf", Flux.just(ByteBuffer.wrap(bytes)),
                bytes.length).block(Duration.ofSeconds(10));
        assertThat(chat.transcript()).last().satisfies(i -> assertThat(i.attachments().get(0).status())
                .isEqualTo(ArtifactStatus.REJECTED));
        assertThat(rejected).isNotEqualTo(id);
        fails(client.uploadAttachment(token, "third.txt", "text/plain", Flux.just(ByteBuffer.wrap(bytes)), bytes.length),
                ServiceQuotaExceededException.class);
    }

    @Test
    void attachmentLimitsAndConflicts() {
        fails(client.uploadAttachment(token, "big.txt", "text/plain", Flux.just(ByteBuffer.allocate(1001)), 1001),
                ServiceQuotaExceededException.class);
        var started = client.startAttachmentUpload(dev.connectchat.participant.model.StartAttachmentUploadRequest
                .builder().connectionToken(token).contentType("text/plain").attachmentName("a.txt")
                .attachmentSizeInBytes(3L).build()).block();
        fails(client.completeAttachmentUpload(dev.connectchat.participant.model.CompleteAttachmentUploadRequest
                .builder().connectionToken(token).attachmentIds(started.attachmentId()).build()), ConflictException.class);
    }

    @Test
    void viewsAndAuthentication() {
        emulator.registerView("view-1", View.builder().id("v1").name("Form").version(2)
                .content(ViewContent.builder().template("{}").actions("Submit").build()).build());
        assertThat(client.describeView(DescribeViewRequest.builder().connectionToken(token).viewToken("view-1")
                .build()).block().view().content().actions()).containsExactly("Submit");
        fails(client.describeView(DescribeViewRequest.builder().connectionToken(token).viewToken("nope").build()),
                ResourceNotFoundException.class);
        String session = chat.requestAuthentication();
        String url = client.getAuthenticationUrl(GetAuthenticationUrlRequest.builder().connectionToken(token)
                .sessionId(session).redirectUri("https://example.com/back").build()).block().authenticationUrl();
        assertThat(url).startsWith(emulator.endpoint() + "/authenticate?");
    }

    @Test
    void faultsOnTheEmulatorAndOnOneChat() {
        emulator.faults().throttleNext(2);
        fails(client.sendMessage(msg("a")), ThrottlingException.class);
        fails(client.sendMessage(msg("b")), ThrottlingException.class);
        assertThat(say("c").id()).isNotNull();

        chat.faults().failNext(1, 503);
        StepVerifier.create(client.sendMessage(msg("d")))
                .expectErrorSatisfies(e -> assertThat(((ParticipantServiceException) e).statusCode()).isEqualTo(503))
                .verify(Duration.ofSeconds(10));
        EmulatedChat other = emulator.startChat();
        other.faults().failNext(5, 500);
        assertThat(say("this chat is fine").id()).isNotNull();

        ParticipantClient retrying = ParticipantClient.builder().endpoint(emulator.endpoint())
                .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(1)).throttlingBaseDelay(Duration.ofMillis(1))
                        .build()).build();
        chat.faults().throttleNext(2);
        assertThat(retrying.sendMessage(msg("retried")).block(Duration.ofSeconds(10)).id()).isNotNull();
        assertThat(chat.transcript()).filteredOn(i -> "retried".equals(i.content())).hasSize(1);
    }

    @Test
    void aCappedRequestRateThrottlesTheExcess() {
        chat.faults().capRequestRate(2);
        List<Boolean> throttled = Flux.range(0, 10)
                .concatMap(i -> client.sendMessage(msg("burst " + i)).map(r -> false)
                        .onErrorResume(ThrottlingException.class, e -> Mono.just(true)))
                .collectList().block(Duration.ofSeconds(10));
        assertThat(throttled).contains(true, false);
        assertThat(throttled.stream().filter(t -> !t).count()).isLessThan(10);
        chat.faults().clear();
        assertThat(say("after the cap").id()).isNotNull();
    }

    @Test
    void addedLatencyDelaysAnswersWithoutFailingThem() {
        ParticipantClient impatient = ParticipantClient.builder().endpoint(emulator.endpoint())
                .retryPolicy(RetryPolicy.none()).responseTimeout(Duration.ofMillis(200)).build();
        chat.faults().latency(Duration.ofSeconds(2));
        fails(impatient.sendMessage(msg("too slow")), dev.connectchat.participant.ParticipantTransportException.class);
        chat.faults().latency(Duration.ZERO);
        assertThat(impatient.sendMessage(msg("fast again")).block(Duration.ofSeconds(10)).id()).isNotNull();
    }

    @Test
    void tokensCanBeMadeToExpireLater() {
        EmulatedChat timed;
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (ParticipantEmulator clocked = ParticipantEmulator.builder().clock(clock).start()) {
            timed = clocked.startChat();
            ParticipantClient c = ParticipantClient.builder().endpoint(clocked.endpoint()).retryPolicy(RetryPolicy.none())
                    .build();
            String t = c.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                    .participantToken(timed.participantToken()).build()).block().connectionCredentials().connectionToken();
            timed.faults().expireConnectionTokensAfter(Duration.ofMinutes(5));
            SendMessageRequest m = SendMessageRequest.builder().connectionToken(t).contentType("text/plain")
                    .content("x").build();
            now.set(now.get().plus(Duration.ofMinutes(4)));
            assertThat(c.sendMessage(m).block(Duration.ofSeconds(10)).id()).isNotNull();
            now.set(now.get().plus(Duration.ofMinutes(2)));
            fails(c.sendMessage(m), AccessDeniedException.class);
        }
    }

    private SendMessageRequest msg(String text) {
        return SendMessageRequest.builder().connectionToken(token).contentType("text/plain").content(text).build();
    }
}
