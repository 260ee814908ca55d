package dev.connectchat.participant.testkit;

import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain WebSocket client for tests: records every text frame, sends what it is told, notices the close. */
final class WsProbe implements AutoCloseable {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Throwable failure;
    private final Disposable connection;

    private WsProbe(String url) {
        connection = HttpClient.create().websocket().uri(url)
                .handle((in, out) -> out.sendString(outbound.asFlux(), StandardCharsets.UTF_8).then()
                        .and(in.aggregateFrames().receive().asString(StandardCharsets.UTF_8).doOnNext(frames::add)))
                .subscribe(null, e -> {
                    failure = e;
                    closed.countDown();
                }, closed::countDown);
    }

    static WsProbe open(String url) {
        return new WsProbe(url);
    }

    WsProbe send(String frame) {
        outbound.tryEmitNext(frame);
        return this;
    }

    /** @return the next frame, waiting up to 10 s (on the test thread) */
    String next() {
        try {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within 10 s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return the next frame if one comes within {@code millis}, else null */
    String poll(long millis) throws InterruptedException {
        return frames.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** @return whether the socket closed (or failed to open) within 10 s */
    boolean awaitClosed() throws InterruptedException {
        return closed.await(10, TimeUnit.SECONDS);
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        outbound.tryEmitComplete();
        connection.dispose();
    }
}
