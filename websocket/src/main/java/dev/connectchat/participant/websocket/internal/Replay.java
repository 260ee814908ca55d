package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ValidationException;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.StartPosition;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatPosition;
import dev.connectchat.participant.websocket.ItemBufferOverflowException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.time.Instant;
import java.util.function.Function;

/**
 * One subscriber's items from a position: what the transcript holds after it, then the live items, with no
 * seam. The live items are subscribed to first and held (up to a bound) while the transcript is read, so none
 * falls between the two; an item the subscriber already had (read from the transcript and then pushed live, or
 * read again by the session's own gap fill) is dropped by its id, and one from before the position by its time.
 */
final class Replay {
    private Replay() {
    }

    /**
     * @param from where to read on from
     * @param live the session's live items (hot)
     * @param transcript reads the transcript forward from a start position ({@code null}: from the beginning)
     * @param bufferSize how many live items are held while the transcript is read
     * @return the items after {@code from}, then live, until the chat ends or the session closes
     */
    static Flux<ChatItem> after(ChatPosition from, Flux<ChatItem> live, Function<StartPosition, Flux<Item>> transcript,
                                int bufferSize) {
        return Flux.defer(() -> {
            Sinks.Many<ChatItem> held = Sinks.many().unicast()
                    .onBackpressureBuffer(Queues.<ChatItem>get(bufferSize).get());
            Disposable subscription = live.subscribe(item -> {
                if (held.tryEmitNext(item).isFailure()) {
                    held.tryEmitError(new ItemBufferOverflowException(bufferSize));
                }
            }, held::tryEmitError, held::tryEmitComplete);
            Order order = new Order(from);
            return Flux.concat(history(from, transcript), held.asFlux())
                    .filter(order::isNew)
                    .takeUntil(item -> item instanceof ChatItem.ChatEnded)
                    .doFinally(signal -> subscription.dispose());
        });
    }

    /** @return the transcript after {@code from}, as chat items, ended by a ChatEnded when the tokens are refused */
    static Flux<ChatItem> history(ChatPosition from, Function<StartPosition, Flux<Item>> transcript) {
        Flux<Item> read;
        if (from.isStart()) {
            read = transcript.apply(null);
        } else {
            StartPosition byTime = StartPosition.builder().absoluteTime(from.time()).build();
            read = from.id() == null ? transcript.apply(byTime)
                    : transcript.apply(StartPosition.builder().id(from.id()).build())
                    // not an item the transcript keeps (typing, a receipt) or no longer known: read by its time
                    .onErrorResume(ValidationException.class, e -> transcript.apply(byTime));
        }
        return read.filter(item -> !ItemStream.isPartialChunk(item))
                .map(ItemMapper::map)
                .onErrorResume(AccessDeniedException.class, denied -> Flux.just(ItemStream.chatEndedWhileAway()))
                .onErrorResume(e -> !(e instanceof AccessDeniedException), e -> Flux.just(new ChatItem.TranscriptGap(
                        ItemStream.now(), from.id(), from.time(), "reading the transcript failed: " + e)));
    }

    /**
     * What a subscriber has had: the items of the transcript before its starting position are not new, nor is
     * an item it had already (by id, within a window far larger than the seam between transcript and live
     * items). Items the transcript does not keep (typing, receipts) and gaps are always new. Ids, not times,
     * tell duplicates: the service's order and its timestamps need not agree to the millisecond.
     */
    private static final class Order {
        private static final int WINDOW = 4096;
        private final Instant startTime;
        private final String startId;
        private final SeenIds seen = new SeenIds(WINDOW);

        Order(ChatPosition from) {
            startTime = from.time();
            startId = from.id();
        }

        synchronized boolean isNew(ChatItem item) {
            if (item.id() == null || item.time() == null || !ItemMapper.persisted(item)
                    || item instanceof ChatItem.TranscriptGap) {
                return true;
            }
            if (item.id().equals(startId) || (startTime != null && item.time().isBefore(startTime))) {
                return false;
            }
            return seen.add(item.id());
        }
    }
}
