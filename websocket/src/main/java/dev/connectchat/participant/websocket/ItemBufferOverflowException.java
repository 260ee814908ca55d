package dev.connectchat.participant.websocket;

/**
 * A subscriber of {@link ChatSession#items()} fell so far behind that its buffer of
 * {@link ChatSessionOptions#bufferSize()} items filled up, under the {@code ERROR} overflow policy. The
 * session goes on for its other subscribers.
 */
public final class ItemBufferOverflowException extends IllegalStateException {
    /** @param bufferSize the size of the buffer that overflowed */
    public ItemBufferOverflowException(int bufferSize) {
        super("the subscriber is too slow: " + bufferSize + " chat items are waiting for it; subscribe with more "
                + "demand, a larger ChatSessionOptions.bufferSize, or another overflow policy");
    }
}
