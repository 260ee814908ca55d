package dev.connectchat.participant.websocket.internal;

/**
 * The ids of the last {@code capacity} items, to drop an item seen before (a live copy of an item the gap
 * fill already gave, or the other way round). Kept as 64-bit hashes in a ring allocated on the first item,
 * so an idle session pays nothing and a busy one a fixed {@code 8 * capacity} bytes.
 */
final class SeenIds {
    private final int capacity;
    private long[] ring;
    private int next;
    private int size;

    SeenIds(int capacity) {
        this.capacity = capacity;
    }

    /** @return whether {@code id} is new (and now remembered); {@code false} for one seen before */
    boolean add(String id) {
        long hash = hash(id);
        if (ring == null) {
            ring = new long[capacity];
        }
        for (int i = 0; i < size; i++) {
            if (ring[i] == hash) {
                return false;
            }
        }
        ring[next] = hash;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        return true;
    }

    /** @return whether {@code id} was seen (without remembering it) */
    boolean contains(String id) {
        long hash = hash(id);
        for (int i = 0; i < size; i++) {
            if (ring[i] == hash) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a over the UTF-16 units, then a finalizer: ids are short, and collisions need 2^32 of them. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
