package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ConflictException;
import dev.connectchat.participant.model.ParticipantRole;
import dev.connectchat.participant.websocket.ChatItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Read and delivered receipts sent the way the service and the official clients expect: gathered for an interval
 * and sent together, a read receipt replacing a delivered one still waiting for the same message, each message
 * acknowledged at most once of each kind, nothing after the chat ended, and the service's refusal of receipts in a
 * chat of more than two participants (409) taken as "not needed" rather than as a failure.
 *
 * <p>Every caller gets a {@code Mono} that completes when its receipt went out (or was not needed) and fails only
 * with an error the service gave for it.
 */
public final class Receipts {
    private static final Logger LOG = LoggerFactory.getLogger(Receipts.class);
    private static final int REMEMBERED = 512;

    /** Sends one receipt: ({@code "message.read"} or {@code "message.delivered"}, message id). */
    private final BiFunction<String, String, Mono<?>> send;
    private final Duration interval;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final Map<String, Boolean> sent = recent();
    private final Map<String, Boolean> own = recent();
    private Disposable timer;
    private boolean over;

    public Receipts(Duration interval, BiFunction<String, String, Mono<?>> send) {
        this.interval = interval;
        this.send = send;
    }

    /**
     * Asks for a receipt of an item, when it needs one: as the official client does, only messages and
     * attachments from an agent or a customer, and none of this participant's own.
     *
     * @param item the item read or delivered
     * @param read {@code true} for a read receipt, {@code false} for a delivered one
     * @return completes once the receipt is sent, or at once when none is needed
     */
    public Mono<Void> mark(ChatItem item, boolean read) {
        boolean kind = item instanceof ChatItem.Message
                || (item instanceof ChatItem.Attachment a && a.attachments().stream().noneMatch(x -> isOwn(x.attachmentId())));
        ParticipantRole role = item.role();
        if (!kind || item.id() == null || (role != ParticipantRole.AGENT && role != ParticipantRole.CUSTOMER)) {
            return Mono.empty();
        }
        return Mono.defer(() -> request(item.id(), read));
    }

    private Mono<Void> request(String messageId, boolean read) {
        Waiting w;
        synchronized (this) {
            Boolean already = sent.get(messageId);
            if (over || own.containsKey(messageId) || Boolean.TRUE.equals(already) || (already != null && !read)) {
                return Mono.empty();
            }
            w = waiting.computeIfAbsent(messageId, id -> new Waiting());
            w.read |= read;
            if (timer == null) {
                timer = Mono.delay(interval).subscribe(tick -> flush());
            }
        }
        return w.done.asMono();
    }

    /** @param id a message or attachment this participant sent: it needs no receipt from itself */
    public synchronized void own(String id) {
        own.put(id, Boolean.TRUE);
    }

    private synchronized boolean isOwn(String id) {
        return own.containsKey(id);
    }

    /** The chat ended or the session closed: nothing more is sent, and whoever waits is let go. */
    public void stop() {
        List<Waiting> dropped;
        synchronized (this) {
            over = true;
            if (timer != null) {
                timer.dispose();
                timer = null;
            }
            dropped = new ArrayList<>(waiting.values());
            waiting.clear();
        }
        if (!dropped.isEmpty()) {
            LOG.debug("{} receipts not sent: the chat ended or the session closed", dropped.size());
        }
        dropped.forEach(w -> w.done.tryEmitEmpty());
    }

    private void flush() {
        List<Map.Entry<String, Waiting>> batch;
        synchronized (this) {
            timer = null;
            batch = new ArrayList<>(waiting.entrySet());
            waiting.clear();
        }
        Flux.fromIterable(batch).concatMap(e -> sendOne(e.getKey(), e.getValue())).subscribe();
    }

    private Mono<Void> sendOne(String messageId, Waiting w) {
        synchronized (this) {
            if (over) {
                w.done.tryEmitEmpty();
                return Mono.empty();
            }
        }
        return send.apply(w.read ? "message.read" : "message.delivered", messageId)
                .then()
                .onErrorResume(e -> notNeeded(e), e -> {
                    LOG.debug("receipt not needed: {}", e.toString());
                    return Mono.empty();
                })
                .doOnSuccess(done -> {
                    synchronized (this) {
                        sent.put(messageId, w.read);
                    }
                    w.done.tryEmitEmpty();
                })
                .onErrorResume(e -> {
                    w.done.tryEmitError(e);
                    return Mono.empty();
                });
    }

    /** 409: more than two participants are active; 403 once the chat has ended. */
    private boolean notNeeded(Throwable e) {
        synchronized (this) {
            return e instanceof ConflictException || (over && e instanceof AccessDeniedException);
        }
    }

    private static Map<String, Boolean> recent() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    private static final class Waiting {
        private final Sinks.Empty<Void> done = Sinks.empty();
        private boolean read;
    }
}
