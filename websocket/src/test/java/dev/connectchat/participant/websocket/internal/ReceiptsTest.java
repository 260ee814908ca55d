package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.ConflictException;
import dev.connectchat.participant.ThrottlingException;
import dev.connectchat.participant.model.AttachmentItem;
import dev.connectchat.participant.model.ParticipantRole;
import dev.connectchat.participant.websocket.ChatItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Receipts go out as the service and the official clients expect: batched, superseded, once, not after the end. */
class ReceiptsTest {
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private final VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private Mono<?> answer = Mono.just("ok");
    private final Receipts receipts = new Receipts(INTERVAL, (event, id) -> Mono.defer(() -> {
        sent.add(event + " " + id);
        return answer;
    }));

    @AfterEach
    void resetTime() {
        VirtualTimeScheduler.reset();
    }

    private static ChatItem.Message message(String id, ParticipantRole role) {
        return new ChatItem.Message(id, Instant.EPOCH, "p-" + id, "someone", role.toString(), "text/plain", "hi");
    }

    @Test
    void receiptsWaitForTheIntervalAndGoOutTogether() {
        StepVerifier.create(receipts.mark(message("m1", ParticipantRole.AGENT), false)
                        .then(Mono.fromRunnable(() -> sent.add("first done"))))
                .then(() -> receipts.mark(message("m2", ParticipantRole.AGENT), true).subscribe())
                .then(() -> time.advanceTimeBy(INTERVAL.minusMillis(1)))
                .then(() -> assertThat(sent).isEmpty())
                .then(() -> time.advanceTimeBy(Duration.ofMillis(1)))
                .verifyComplete();
        assertThat(sent).containsExactly("message.delivered m1", "first done", "message.read m2");
    }

    @Test
    void aReadReceiptReplacesAWaitingDeliveredOneAndBothCallersAreAnswered() {
        StepVerifier delivered = StepVerifier.create(receipts.mark(message("m1", ParticipantRole.AGENT), false))
                .expectComplete().verifyLater();
        StepVerifier read = StepVerifier.create(receipts.mark(message("m1", ParticipantRole.AGENT), true))
                .expectComplete().verifyLater();
        // in the other order too: a delivered receipt asked for after the read one does not undo it
        receipts.mark(message("m2", ParticipantRole.AGENT), true).subscribe();
        receipts.mark(message("m2", ParticipantRole.AGENT), false).subscribe();
        time.advanceTimeBy(INTERVAL);
        delivered.verify(Duration.ofSeconds(1));
        read.verify(Duration.ofSeconds(1));
        assertThat(sent).containsExactly("message.read m1", "message.read m2");
    }

    @Test
    void eachMessageIsAcknowledgedOnceOfEachKind() {
        receipts.mark(message("m1", ParticipantRole.CUSTOMER), false).subscribe();
        time.advanceTimeBy(INTERVAL);
        receipts.mark(message("m1", ParticipantRole.CUSTOMER), false).subscribe();
        receipts.mark(message("m1", ParticipantRole.CUSTOMER), true).subscribe();
        time.advanceTimeBy(INTERVAL);
        StepVerifier.create(receipts.mark(message("m1", ParticipantRole.CUSTOMER), true)).verifyComplete();
        StepVerifier.create(receipts.mark(message("m1", ParticipantRole.CUSTOMER), false)).verifyComplete();
        time.advanceTimeBy(INTERVAL);
        assertThat(sent).containsExactly("message.delivered m1", "message.read m1");
    }

    @Test
    void ownItemsSystemMessagesAndEventsGetNone() {
        receipts.own("mine");
        receipts.own("attachment-mine");
        ChatItem.Attachment ownAttachment = new ChatItem.Attachment("a1", Instant.EPOCH, "p", "me", "CUSTOMER",
                List.of(AttachmentItem.builder().attachmentId("attachment-mine").build()));
        StepVerifier.create(receipts.mark(message("mine", ParticipantRole.CUSTOMER), true)).verifyComplete();
        StepVerifier.create(receipts.mark(ownAttachment, true)).verifyComplete();
        StepVerifier.create(receipts.mark(message("s1", ParticipantRole.SYSTEM), true)).verifyComplete();
        StepVerifier.create(receipts.mark(message("b1", ParticipantRole.CUSTOM_BOT), true)).verifyComplete();
        StepVerifier.create(receipts.mark(new ChatItem.Typing("t1", Instant.EPOCH, "p", "a", "AGENT"), true))
                .verifyComplete();
        time.advanceTimeBy(INTERVAL);
        assertThat(sent).isEmpty();
    }

    @Test
    void aRefusalInAChatOfMoreThanTwoIsNotAFailureButOtherErrorsReachTheCaller() {
        answer = Mono.error(new ConflictException(409, "more than two participants", "r-1", null));
        StepVerifier conflict = StepVerifier.create(receipts.mark(message("m1", ParticipantRole.AGENT), true))
                .expectComplete().verifyLater();
        time.advanceTimeBy(INTERVAL);
        conflict.verify(Duration.ofSeconds(1));
        answer = Mono.error(new ThrottlingException(429, "slow down", "r-2", null));
        StepVerifier throttled = StepVerifier.create(receipts.mark(message("m2", ParticipantRole.AGENT), true))
                .expectError(ThrottlingException.class).verifyLater();
        time.advanceTimeBy(INTERVAL);
        throttled.verify(Duration.ofSeconds(1));
        answer = Mono.just("ok");
        receipts.mark(message("m2", ParticipantRole.AGENT), true).subscribe();
        time.advanceTimeBy(INTERVAL);
        assertThat(sent).containsExactly("message.read m1", "message.read m2", "message.read m2");
    }

    @Test
    void afterTheEndNothingIsSentAndWaitingCallersAreLetGo() {
        StepVerifier waiting = StepVerifier.create(receipts.mark(message("m1", ParticipantRole.AGENT), true))
                .expectComplete().verifyLater();
        receipts.stop();
        waiting.verify(Duration.ofSeconds(1));
        StepVerifier.create(receipts.mark(message("m2", ParticipantRole.AGENT), true)).verifyComplete();
        time.advanceTimeBy(INTERVAL.multipliedBy(2));
        assertThat(sent).isEmpty();
    }
}
