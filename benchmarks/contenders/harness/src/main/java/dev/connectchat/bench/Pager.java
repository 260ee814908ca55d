package dev.connectchat.bench;

/**
 * One client reading a whole chat transcript, page after page, as its users page: each implementation is a
 * {@code main} in its own JVM with its own class path, driven by {@link PagingLoad}.
 */
public interface Pager extends AutoCloseable {
    /** @return how many items the whole transcript held, read from its start to its end */
    long readAll() throws Exception;

    /** Releases the client. */
    @Override
    void close() throws Exception;
}
