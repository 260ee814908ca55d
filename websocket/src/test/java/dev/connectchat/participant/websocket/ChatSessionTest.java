package dev.connectchat.participant.websocket;

import dev.connectchat.participant.testsupport.Awaits;
import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.ArtifactStatus;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.ParticipantRole;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A chat session against the emulator: every kind of item, sending, the end of the chat, slow subscribers. */
class ChatSessionTest {
    static final String EVENT = "application/vnd.amazonaws.connect.event.";

    ParticipantEmulator emulator;
    ParticipantClient client;
    EmulatedChat chat;
    ChatSession session;

    @BeforeEach
    void start() {
        emulator = ParticipantEmulator.start();
        client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
        chat = emulator.startChat("Jane");
        session = ChatSession.connect(client, chat.participantToken()).block(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        session.close();
        emulator.close();
    }

    @Test
    void deliversEveryKindOfItem() {
        StepVerifier.create(session.items())
                .then(() -> {
                    chat.agent().join();
                    chat.agent().sendMessage("plain");
                    chat.agent().sendMessage("text/markdown", "**bold**");
                    chat.agent().sendMessage("application/json", "{\"a\":1}");
                    chat.agent().sendMessage("application/vnd.amazonaws.connect.message.interactive",
                            "{\"templateType\":\"ListPicker\"}");
                    chat.agent().sendEvent(EVENT + "typing");
                    Item read = chat.agent().sendMessage("read me");
                    chat.agent().sendReceipt(EVENT + "message.read", read.id());
                    chat.agent().sendReceipt(EVENT + "message.delivered", read.id());
                    for (String e : List.of("participant.idle", "participant.returned", "participant.active",
                            "participant.inactive", "participant.engaged", "participant.disengaged",
                            "connection.acknowledged", "something.new")) {
                        chat.agent().sendEvent(EVENT + e);
                    }
                    chat.transfer(true);
                    chat.transfer(false);
                    chat.agent().leave();
                    chat.end();
                })
                .assertNext(i -> assertThat(i).isInstanceOfSatisfying(ChatItem.ParticipantJoined.class,
                        j -> assertThat(j.role()).isEqualTo(ParticipantRole.AGENT)))
                .assertNext(i -> assertThat(i).isInstanceOfSatisfying(ChatItem.Message.class, m -> {
                    assertThat(m.content()).isEqualTo("plain");
                    assertThat(m.isPlainText()).isTrue();
                    assertThat(m.displayName()).isEqualTo("Agent");
                    assertThat(m.id()).isNotBlank();
                    assertThat(m.time()).isNotNull();
                }))
                .assertNext(i -> assertThat(((ChatItem.Message) i).isMarkdown()).isTrue())
                .assertNext(i -> assertThat(((ChatItem.Message) i).isJson()).isTrue())
                .assertNext(i -> assertThat(((ChatItem.Message) i).isInteractive()).isTrue())
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.Typing.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.Message.class))
                .assertNext(i -> assertThat(i).isInstanceOfSatisfying(ChatItem.ReadReceipt.class,
                        r -> assertThat(r.messageId()).isNotBlank()))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.DeliveredReceipt.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.ParticipantIdle.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.ParticipantReturned.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.ParticipantActive.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.ParticipantInactive.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.ParticipantEngaged.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.ParticipantDisengaged.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.ConnectionAcknowledged.class))
                .assertNext(i -> assertThat(i).isInstanceOfSatisfying(ChatItem.UnknownItem.class,
                        u -> assertThat(u.json()).contains("something.new")))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.TransferSucceeded.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.TransferFailed.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.ParticipantLeft.class))
                .assertNext(i -> assertThat(i).isInstanceOf(ChatItem.ChatEnded.class))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(session.states().last())
                .assertNext(s -> assertThat(s.status()).isEqualTo(ConnectionState.Status.CLOSED))
                .verifyComplete();
    }

    @Test
    void attachmentsAndOwnMessagesComeBackAsItems() {
        byte[] bytes = "hello file".getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(session.items().take(2))
                .then(() -> session.sendMessage("from Jane").block())
                .assertNext(i -> assertThat(i).isInstanceOfSatisfying(ChatItem.Message.class, m -> {
                    assertThat(m.content()).isEqualTo("from Jane");
                    assertThat(m.role()).isEqualTo(ParticipantRole.CUSTOMER);
                }))
                .then(() -> session.uploadAttachment("f.txt", "text/plain", Flux.just(ByteBuffer.wrap(bytes)),
                        bytes.length).block())
                .assertNext(i -> assertThat(i).isInstanceOfSatisfying(ChatItem.Attachment.class, a ->
                        assertThat(a.attachments()).singleElement().satisfies(x -> {
                            assertThat(x.attachmentName()).isEqualTo("f.txt");
                            assertThat(x.status()).isEqualTo(ArtifactStatus.APPROVED);
                        })))
                .verifyComplete();
    }

    @Test
    void aReplyStreamedInChunksArrivesOnceAndWhole() {
        StepVerifier.create(session.items().ofType(ChatItem.Message.class).take(2))
                .then(() -> {
                    chat.agent().sendStreamedMessage("Your booking ", "is confirmed", " for Monday.");
                    chat.agent().sendMessage("next");
                })
                .assertNext(m -> assertThat(m.content()).isEqualTo("Your booking is confirmed for Monday."))
                .assertNext(m -> assertThat(m.content()).isEqualTo("next"))
                .verifyComplete();
    }

    @Test
    void itemsAreHot() {
        // the first subscriber sees "before" arrive; a later one starts with what comes after it subscribed
        StepVerifier.create(session.items().ofType(ChatItem.Message.class).map(ChatItem.Message::content).take(1))
                .then(() -> chat.agent().sendMessage("before the second listened"))
                .expectNext("before the second listened")
                .verifyComplete();
        StepVerifier.create(session.items().ofType(ChatItem.Message.class).map(ChatItem.Message::content).take(1))
                .then(() -> chat.agent().sendMessage("after"))
                .expectNext("after")
                .verifyComplete();
    }

    @Test
    void receiptsAndTranscriptGoThroughTheSession() {
        Item message = chat.agent().sendMessage("read me");
        session.sendReadReceipt(message.id()).block(Duration.ofSeconds(10));
        session.sendDeliveredReceipt(message.id()).block(Duration.ofSeconds(10));
        assertThat(chat.transcript()).filteredOn(i -> i.id().equals(message.id())).singleElement()
                .satisfies(i -> assertThat(i.messageMetadata().receipts()).hasSize(1));
        assertThat(session.transcript().map(Item::id).collectList().block(Duration.ofSeconds(10)))
                .contains(message.id());
    }

    @Test
    void markedItemsGetTheirReceiptsThroughTheEmulatorAndOwnMessagesGetNone() {
        session.close();
        session = ChatSession.connect(client, chat.participantToken(), ChatSessionOptions.builder()
                .receiptInterval(Duration.ofMillis(50)).build()).block(Duration.ofSeconds(10));
        StepVerifier items = StepVerifier.create(session.items().ofType(ChatItem.Message.class).take(2)
                        .concatMap(m -> session.markRead(m).thenReturn(m.content())))
                .expectNext("from the agent", "from me")
                .expectComplete().verifyLater();
        chat.agent().sendMessage("from the agent");
        session.sendMessage("from me").block(Duration.ofSeconds(10));
        items.verify(Duration.ofSeconds(10));
        assertThat(chat.transcript()).filteredOn(i -> "from the agent".equals(i.content())).singleElement()
                .satisfies(i -> assertThat(i.messageMetadata().receipts()).singleElement()
                        .satisfies(r -> assertThat(r.readTimestamp()).isNotNull()));
        assertThat(chat.transcript()).filteredOn(i -> "from me".equals(i.content())).singleElement()
                .satisfies(i -> assertThat(i.messageMetadata() == null || i.messageMetadata().receipts().isEmpty())
                        .isTrue());
        // the service refuses receipts while more than two participants are in: that is not the caller's failure
        Item second = chat.agent().sendMessage("while a supervisor listens");
        emulator.faults().failNext(1, 409);
        ChatItem.Message secondItem = new ChatItem.Message(second.id(), second.absoluteTime(), second.participantId(),
                second.displayName(), second.participantRoleAsString(), second.contentType(), second.content());
        StepVerifier.create(session.markRead(secondItem)).expectComplete().verify(Duration.ofSeconds(10));
    }

    @Test
    void theWholeTranscriptOldestFirst() {
        for (int i = 0; i < 250; i++) {
            chat.agent().sendMessage("t" + i);
        }
        List<String> contents = session.transcript().filter(i -> i.content() != null).map(Item::content)
                .collectList().block(Duration.ofSeconds(10));
        assertThat(contents).hasSize(250).startsWith("t0", "t1").endsWith("t249");
    }

    @Test
    void aSlowSubscriberGetsAClearErrorWhileOthersGoOn() {
        session.close();
        session = ChatSession.connect(client, chat.participantToken(), ChatSessionOptions.builder()
                .buffer(16, BufferOverflowStrategy.ERROR).build()).block(Duration.ofSeconds(10));
        StepVerifier fast = StepVerifier.create(session.items().take(40)).expectNextCount(40).expectComplete().verifyLater();
        // the slow one asks for nothing while 40 items arrive: its buffer holds 16, then it is cut off,
        // and it learns why once it has taken the 16 (the error comes after the backlog)
        StepVerifier.create(session.items(), 0)
                .expectSubscription()
                .then(() -> {
                    for (int i = 0; i < 40; i++) {
                        chat.agent().sendMessage("m" + i);
                    }
                    fast.verify(Duration.ofSeconds(10));
                })
                .thenRequest(100)
                .expectNextCount(16)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ItemBufferOverflowException.class)
                        .hasMessageContaining("16"))
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(session.items().take(1))
                .then(() -> chat.agent().sendMessage("the session goes on"))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void closeEndsTheItemsAndFreesTheSocket() {
        assertThat(chat.openWebSockets()).isEqualTo(1);
        StepVerifier items = StepVerifier.create(session.items()).expectComplete().verifyLater();
        session.close();
        items.verify(Duration.ofSeconds(10));
        StepVerifier.create(session.states().last())
                .assertNext(s -> assertThat(s).isEqualTo(ConnectionState.of(ConnectionState.Status.CLOSED)))
                .verifyComplete();
        Awaits.until(() -> chat.openWebSockets() == 0);
    }

    @Test
    void disconnectLeavesTheChat() {
        session.disconnect().block(Duration.ofSeconds(10));
        assertThat(chat.transcript()).last().satisfies(i -> assertThat(i.contentType()).endsWith("participant.left"));
        Awaits.until(() -> chat.openWebSockets() == 0);
    }

    @Test
    void aBadTokenFailsTheConnect() {
        StepVerifier.create(ChatSession.connect(client, "not-a-token"))
                .expectError(AccessDeniedException.class)
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(ChatSession.connect(client, ""))
                .expectError(IllegalArgumentException.class)
                .verify(Duration.ofSeconds(10));
    }


    @Test
    void aReceiptForAnyMessageIdIsValidJsonCarryingThatId() throws Exception {
        for (String id : new String[]{"plain-id", "quote\"and\\backslash", "control\u0001\n\t", "emoji\uD83D\uDE00"}) {
            String receipt = ChatSession.receipt(id);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(receipt).path("messageId").asText())
                    .as(receipt).isEqualTo(id);
        }
    }
}
