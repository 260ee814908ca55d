package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatParticipant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in the chat now, kept from the items the session emits: joined and left, idle and back, and anyone who
 * sends something. Until it is known (from a snapshot, or from one read of the transcript the first time it is
 * asked for), it only records what happens, to replay it over what that read finds.
 */
public final class Presence {
    private Map<String, ChatParticipant> known;
    private List<ChatItem> sinceRead;
    private Mono<List<ChatParticipant>> reading;

    /** Told of every item the session emits. */
    public synchronized void apply(ChatItem item) {
        if (known != null) {
            update(known, item);
        } else if (sinceRead != null && relevant(item)) {
            sinceRead.add(item);
        }
    }

    /** Starts from a snapshot's participants ({@code null}: not known then). */
    public synchronized void resume(List<ChatParticipant> participants) {
        if (participants != null) {
            known = new LinkedHashMap<>();
            participants.forEach(p -> known.put(p.participantId(), p));
        }
    }

    /** @return the participants when known, else {@code null} */
    public synchronized List<ChatParticipant> snapshot() {
        return known == null ? null : List.copyOf(known.values());
    }

    /**
     * @param history the chat's items from the start, read only when the participants are not known yet
     * @return the participants now
     */
    public synchronized Mono<List<ChatParticipant>> current(Flux<ChatItem> history) {
        if (known != null) {
            return Mono.just(List.copyOf(known.values()));
        }
        if (reading == null) {
            sinceRead = new ArrayList<>();
            reading = history.reduce(new LinkedHashMap<String, ChatParticipant>(), (map, item) -> {
                        update(map, item);
                        return map;
                    })
                    .map(this::known)
                    .doFinally(signal -> {
                        synchronized (this) {
                            reading = null;
                        }
                    })
                    .cache();
        }
        return reading;
    }

    private synchronized List<ChatParticipant> known(Map<String, ChatParticipant> read) {
        if (known == null) {
            if (sinceRead != null) {
                sinceRead.forEach(item -> update(read, item));
            }
            known = read;
            sinceRead = null;
        }
        return List.copyOf(known.values());
    }

    private static boolean relevant(ChatItem item) {
        return item.participantId() != null || item instanceof ChatItem.ChatEnded;
    }

    private static void update(Map<String, ChatParticipant> map, ChatItem item) {
        String id = item.participantId();
        if (item instanceof ChatItem.ChatEnded) {
            map.clear();
        } else if (id == null) {
            return;
        } else if (item instanceof ChatItem.ParticipantLeft) {
            map.remove(id);
        } else if (item instanceof ChatItem.ParticipantIdle) {
            map.put(id, new ChatParticipant(id, item.displayName(), item.roleAsString(), true));
        } else if (item instanceof ChatItem.ParticipantJoined || item instanceof ChatItem.ParticipantReturned
                || item instanceof ChatItem.Message || item instanceof ChatItem.Attachment) {
            ChatParticipant was = map.get(id);
            map.put(id, new ChatParticipant(id, item.displayName() != null ? item.displayName()
                    : was == null ? null : was.displayName(), item.roleAsString() != null ? item.roleAsString()
                    : was == null ? null : was.roleAsString(), false));
        }
    }
}
