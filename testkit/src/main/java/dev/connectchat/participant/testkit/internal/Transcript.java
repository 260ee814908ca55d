package dev.connectchat.participant.testkit.internal;

import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.ScanDirection;
import dev.connectchat.participant.model.SortKey;
import dev.connectchat.participant.model.StartPosition;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The stored items of one chat, oldest first, each with a sequence number; at most {@code capacity} of them
 * (older ones are dropped), so a chat's memory is bounded. GetTranscript paging as the service documents it:
 * {@code MaxResults} (default 10), {@code ScanDirection} (default BACKWARD, FORWARD with a start position),
 * {@code SortOrder} (default DESCENDING), {@code StartPosition} by id, time or most recent, and an opaque
 * {@code NextToken} that holds where the next page starts. Not thread-safe: its chat holds the lock.
 */
final class Transcript {
    static final int DEFAULT_PAGE = 10;

    private final int capacity;
    private final String contactId;
    /** A ring: grows up to {@code capacity}, then each new item replaces the oldest, in O(1). */
    private final Ring items;
    /** Sequence number of {@code items.get(0)}. */
    private long first;

    Transcript(String contactId, int capacity) {
        this.contactId = contactId;
        this.capacity = capacity;
        this.items = new Ring(capacity);
    }

    void append(Item item) {
        if (items.size() == capacity) {
            first++;
        }
        items.add(item);
    }

    List<Item> all() {
        List<Item> all = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            all.add(items.get(i));
        }
        return all;
    }

    /** Replaces a stored item (receipts update the message's metadata), if it is still kept. */
    void update(String id, UnaryOperator<Item> change) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (id.equals(items.get(i).id())) {
                items.set(i, change.apply(items.get(i)));
                return;
            }
        }
    }

    boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    GetTranscriptResponse page(GetTranscriptRequest request, String initialContactId) {
        int size = request.maxResults() == null || request.maxResults() == 0 ? DEFAULT_PAGE : request.maxResults();
        StartPosition start = request.startPosition();
        boolean hasStart = start != null && (start.id() != null || start.absoluteTime() != null
                || start.mostRecent() != null);
        boolean forward = request.scanDirection() == null ? hasStart
                : request.scanDirection().equals(ScanDirection.FORWARD);
        boolean ascending = SortKey.ASCENDING.equals(request.sortOrder());
        long from;
        if (request.nextToken() != null) {
            Cursor cursor = Cursor.decode(request.nextToken(), contactId);
            from = cursor.seq;
            forward = cursor.forward;
        } else if (!hasStart) {
            from = forward ? first : first + items.size() - 1;
        } else if (start.id() != null) {
            int index = indexOf(start.id());
            if (index < 0) {
                throw ServiceError.validation("StartPosition.Id " + start.id() + " is not an item of this chat");
            }
            from = first + index;
        } else if (start.absoluteTime() != null) {
            from = byTime(start.absoluteTime(), forward);
        } else {
            from = first + items.size() - 1 - start.mostRecent();
        }
        from = Math.max(from, first);
        List<Item> page = new ArrayList<>(size);
        long seq = from;
        long end = first + items.size();
        while (page.size() < size && seq >= first && seq < end) {
            page.add(items.get((int) (seq - first)));
            seq += forward ? 1 : -1;
        }
        boolean more = seq >= first && seq < end;
        if (forward != ascending) {
            Collections.reverse(page);
        }
        return GetTranscriptResponse.builder()
                .initialContactId(initialContactId)
                .transcript(page)
                .nextToken(more ? new Cursor(seq, forward).encode(contactId) : null)
                .build();
    }

    private long byTime(Instant at, boolean forward) {
        if (forward) {
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).absoluteTime().isBefore(at)) {
                    return first + i;
                }
            }
            return first + items.size();
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            if (!items.get(i).absoluteTime().isAfter(at)) {
                return first + i;
            }
        }
        return first - 1;
    }

    private int indexOf(String id) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (id.equals(items.get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    /** A bounded ring of items, oldest at index 0. */
    private static final class Ring {
        private final int capacity;
        /** Never longer than {@code capacity}: once full, {@code slots.length == capacity}. */
        private Item[] slots;
        private int head;
        private int size;

        Ring(int capacity) {
            this.capacity = capacity;
            this.slots = new Item[Math.max(1, Math.min(16, capacity))];
        }

        int size() {
            return size;
        }

        Item get(int index) {
            return slots[(head + index) % slots.length];
        }

        void set(int index, Item item) {
            slots[(head + index) % slots.length] = item;
        }

        void add(Item item) {
            if (size == slots.length && size < capacity) {
                Item[] grown = new Item[Math.min(capacity, slots.length * 2)];
                for (int i = 0; i < size; i++) {
                    grown[i] = get(i);
                }
                slots = grown;
                head = 0;
            }
            if (size == capacity) {
                slots[head] = item;
                head = (head + 1) % slots.length;
            } else {
                slots[(head + size) % slots.length] = item;
                size++;
            }
        }
    }

    /** Where the next page starts; opaque to clients, bound to its chat. */
    private record Cursor(long seq, boolean forward) {
        String encode(String contactId) {
            String raw = contactId + "|" + seq + "|" + (forward ? "F" : "B");
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token, String contactId) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|");
                if (parts.length != 3 || !parts[0].equals(contactId)) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(Long.parseLong(parts[1]), parts[2].equals("F"));
            } catch (IllegalArgumentException e) {
                throw ServiceError.validation("Invalid NextToken");
            }
        }
    }
}
