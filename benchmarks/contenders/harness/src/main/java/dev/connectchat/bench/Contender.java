package dev.connectchat.bench;

import java.util.function.Consumer;

/**
 * One client under test, as its users run it: each implementation is a {@code main} in its own JVM with its own
 * class path, and hands {@link Load} one SendMessage call at a time.
 */
public interface Contender extends AutoCloseable {
    /**
     * Starts one SendMessage call; exactly one of the callbacks runs when it ends.
     *
     * @param done run on success
     * @param failed run on failure
     */
    void call(Runnable done, Consumer<Throwable> failed);

    /** Releases the client. */
    @Override
    void close() throws Exception;

    /** The request every contender sends: the same token, content type and text. */
    String TOKEN = "AQIDAHj1cS2F7yV8c0l3a0NvbhBvbS3Ya3n4VGVzdFRva2VuVGVzdFRva2VuVGVzdA==";

    /** The message text. */
    String CONTENT = "Hello, I would like to change my booking for tomorrow.";
}
