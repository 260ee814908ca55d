package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatPosition;
import dev.connectchat.participant.websocket.ItemBufferOverflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one place where a session's items are emitted, in order and once each: live items, and the items the
 * gap fill read after a reconnect (live ones wait meanwhile, up to a bound). It remembers the last item of
 * the transcript delivered, where the next gap fill starts.
 *
 * <p>Not thread-safe: the engine calls it under its lock. Methods that may emit a
 * {@link ChatItem.ChatEnded} say so by returning {@code true}; the engine then ends the session.
 */
final class ItemStream {
    private static final Logger log = LoggerFactory.getLogger(ItemStream.class);

    private final Sinks.Many<ChatItem> items = Sinks.many().multicast().directBestEffort();
    private final SeenIds seen;
    private final SessionMetrics metrics;
    private final int maxPending;
    private final Consumer<ChatItem> observer;
    private Instant startedAt;
    private String lastId;
    private Instant lastTime;
    private List<Item> pending;
    private Disposable gapFill;

    /** @param observer told of each item emitted (the session's presence) */
    ItemStream(int deduplicationWindow, int maxPending, SessionMetrics metrics, Consumer<ChatItem> observer) {
        this.seen = new SeenIds(deduplicationWindow);
        this.maxPending = maxPending;
        this.metrics = metrics;
        this.observer = observer;
    }

    /** @return the items, hot, each subscriber with its own bounded buffer */
    Flux<ChatItem> flux(int bufferSize, BufferOverflowStrategy strategy) {
        return items.asFlux()
                .onBackpressureBuffer(bufferSize, dropped -> log.debug("dropped {} for a slow subscriber", dropped.id()),
                        strategy)
                .onErrorMap(Exceptions::isOverflow, e -> new ItemBufferOverflowException(bufferSize));
    }

    void started(Instant at) {
        startedAt = at;
    }

    /** Goes on from where a snapshot left: the next gap fill reads after this position. */
    void resumeAt(ChatPosition position) {
        if (!position.isStart()) {
            lastId = position.id();
            lastTime = position.time();
        }
    }

    /** @return the place of the last stored item emitted (or the session's start when none was) */
    ChatPosition position() {
        Instant time = lastTime();
        return lastId != null ? ChatPosition.of(lastId, lastTime) : time != null ? ChatPosition.at(time) : ChatPosition.START;
    }

    /** @return the last transcript item delivered, or {@code null} */
    String lastId() {
        return lastId;
    }

    /** @return its time, or the session's start */
    Instant lastTime() {
        return lastTime != null ? lastTime : startedAt;
    }

    /** @return whether the item was a chat end */
    boolean offer(Item item) {
        if (pending == null) {
            return emit(item);
        }
        pending.add(item);
        if (pending.size() < maxPending) {
            return false;
        }
        dispose(gapFill);
        return filled(new GapFill.Result(List.of(), pending.size() + " live items waited for the transcript"));
    }

    /** Holds live items back until {@code read} gives what was missed, which is then handed to {@code done}. */
    void fillGap(Mono<GapFill.Result> read, Consumer<GapFill.Result> done) {
        dispose(gapFill);
        if (pending == null) {
            pending = new ArrayList<>();
        }
        gapFill = read.subscribe(done);
    }

    /**
     * Emits what the gap fill read, then a {@link ChatItem.TranscriptGap} if it could not read all, then the
     * live items held back.
     *
     * @return whether a chat end was among them
     */
    boolean filled(GapFill.Result result) {
        List<Item> live = pending;
        pending = null;
        gapFill = null;
        for (Item item : result.items()) {
            if (item.id() != null && !isPartialChunk(item) && !seen.contains(item.id())) {
                metrics.recovered();
            }
            if (emit(item)) {
                return true;
            }
        }
        if (result.shortfall() != null) {
            log.warn("items sent while the socket was away may be missing: {}", result.shortfall());
            items.tryEmitNext(new ChatItem.TranscriptGap(now(), lastId, lastTime(),
                    result.shortfall()));
        }
        if (live != null) {
            for (Item item : live) {
                if (emit(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Tells a chat end that the service reported only by refusing the session's tokens. */
    void endedWhileAway() {
        items.tryEmitNext(chatEndedWhileAway());
    }

    /** @return the item that tells a chat end the service reported only by refusing the session's tokens */
    static ChatItem.ChatEnded chatEndedWhileAway() {
        return new ChatItem.ChatEnded("chat-ended-while-away", now(), null, null, null);
    }

    /** @return the time on Reactor's parallel scheduler, the session's clock (virtual in tests) */
    static Instant now() {
        return Instant.ofEpochMilli(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
    }

    /** Ends the stream: completes it, or fails it with {@code cause} unless the chat ended. */
    void end(Throwable cause) {
        dispose(gapFill);
        pending = null;
        if (cause != null && !(cause instanceof AccessDeniedException)) {
            items.tryEmitError(cause);
        } else {
            items.tryEmitComplete();
        }
    }

    /** Emits an item once, remembering where the transcript stands; @return whether it was a chat end */
    private boolean emit(Item item) {
        if (isPartialChunk(item)) {
            // a reply streamed in chunks: the completed chunk holds all of it and comes under the same id
            return false;
        }
        if (item.id() != null && !seen.add(item.id())) {
            return false;
        }
        ChatItem chatItem = ItemMapper.map(item);
        if (item.id() != null && ItemMapper.persisted(chatItem)) {
            lastId = item.id();
            lastTime = item.absoluteTime();
        }
        observer.accept(chatItem);
        items.tryEmitNext(chatItem);
        metrics.item(chatItem.getClass().getSimpleName());
        return chatItem instanceof ChatItem.ChatEnded;
    }

    static boolean isPartialChunk(Item item) {
        return item.messageMetadata() != null && item.messageMetadata().chunkNumber() != null
                && !Boolean.TRUE.equals(item.messageMetadata().messageCompleted());
    }

    private static void dispose(Disposable d) {
        if (d != null) {
            d.dispose();
        }
    }
}
