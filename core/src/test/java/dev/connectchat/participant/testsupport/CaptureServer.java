package dev.connectchat.participant.testsupport;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-process HTTP server on 127.0.0.1 and a random port that records every request as received and
 * answers from a script (then from a fallback), for tests that check exactly what a client sends and how it
 * takes each kind of answer.
 */
public final class CaptureServer implements AutoCloseable {
    /** A request as the server received it, and the client address it came from. */
    public record Recorded(String method, String uri, HttpHeaders headers, byte[] body, String from) {
        /** @return the body as UTF-8 text */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return the path, without the query */
        public String path() {
            int q = uri.indexOf('?');
            return q < 0 ? uri : uri.substring(0, q);
        }
    }

    /** An answer: a status, headers and a body, or a connection closed without an answer, or no answer. */
    public record Reply(int status, Map<String, String> headers, byte[] body, boolean close, boolean hang) {
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"),
                    body.getBytes(StandardCharsets.UTF_8), false, false);
        }

        public static Reply of(int status, Map<String, String> headers, String body) {
            return new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8), false, false);
        }

        public static Reply bytes(int status, byte[] body) {
            return new Reply(status, Map.of("Content-Type", "application/octet-stream"), body, false, false);
        }

        /** @return close the connection without answering */
        public static Reply closeConnection() {
            return new Reply(0, Map.of(), new byte[0], true, false);
        }

        /** @return never answer */
        public static Reply never() {
            return new Reply(0, Map.of(), new byte[0], false, true);
        }
    }

    private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private volatile Function<Recorded, Reply> fallback = r -> Reply.json(200, "{}");
    private final DisposableServer server;

    private CaptureServer() {
        server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    /** @return a started server */
    public static CaptureServer start() {
        return new CaptureServer();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Queues answers, given in order to the next requests. */
    public CaptureServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Sets the answer of requests with nothing queued. */
    public CaptureServer otherwise(Function<Recorded, Reply> fallback) {
        this.fallback = fallback;
        return this;
    }

    /** @return the next recorded request, waiting for it up to 10 seconds (off the event loops) */
    public Recorded take() {
        try {
            Recorded r = requests.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request arrived within 10 s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return every request recorded and not taken yet */
    public List<Recorded> drain() {
        List<Recorded> all = new ArrayList<>();
        requests.drainTo(all);
        return all;
    }

    /** @return how many recorded requests were not taken yet */
    public int pending() {
        return requests.size();
    }

    private Mono<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        return req.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
            Recorded recorded = new Recorded(req.method().name(), req.uri(), req.requestHeaders().copy(), body,
                    String.valueOf(req.remoteAddress()));
            Reply reply = script.poll();
            if (reply == null) {
                reply = fallback.apply(recorded);
            }
            requests.add(recorded);
            if (reply.hang()) {
                return Mono.never();
            }
            if (reply.close()) {
                res.withConnection(Connection::dispose);
                return Mono.empty();
            }
            reply.headers().forEach(res::header);
            return res.status(HttpResponseStatus.valueOf(reply.status()))
                    .sendByteArray(Mono.just(reply.body())).then();
        });
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
