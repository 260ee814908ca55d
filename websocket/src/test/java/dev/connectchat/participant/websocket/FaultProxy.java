package dev.connectchat.participant.websocket;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 between the client and the emulator that breaks the network on demand: it cuts
 * every connection, stalls every byte for a while, or trickles them (each buffer held back a little). Both
 * REST calls and chat sockets go through it (the emulator advertises the proxy's address).
 */
final class FaultProxy implements AutoCloseable {
    private final DisposableServer server;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile long stalledUntilNanos;
    private volatile Duration trickle = Duration.ZERO;

    FaultProxy(URI target) {
        TcpClient upstream = TcpClient.newConnection().host(target.getHost()).port(target.getPort());
        server = TcpServer.create().host("127.0.0.1").port(0)
                .handle((in, out) -> {
                    accepted.incrementAndGet();
                    return upstream.connect().flatMap(up -> {
                        Connection[] down = new Connection[1];
                        in.withConnection(c -> {
                            down[0] = c;
                            connections.add(c);
                            c.onDispose(() -> {
                                connections.remove(c);
                                up.dispose();
                            });
                        });
                        connections.add(up);
                        up.onDispose(() -> {
                            connections.remove(up);
                            if (down[0] != null) {
                                down[0].dispose();
                            }
                        });
                        Mono<Void> toServer = up.outbound().sendByteArray(faulty(in.receive().asByteArray())).then();
                        Mono<Void> toClient = out.sendByteArray(faulty(up.inbound().receive().asByteArray())).then();
                        return Mono.when(toServer, toClient).doFinally(s -> up.dispose());
                    });
                })
                .bindNow();
    }

    /**
     * Bytes pass through the faults in force, held back while stalled or trickling. They are copied to the
     * heap on the way in, so that what a cut drops needs no release and the leak check sees only the client.
     */
    private Flux<byte[]> faulty(Flux<byte[]> bytes) {
        return bytes.concatMap(chunk -> {
            long stall = stalledUntilNanos - System.nanoTime();
            Duration wait = stall > 0 ? Duration.ofNanos(stall) : trickle;
            return wait.isZero() ? Mono.just(chunk) : Mono.delay(wait).thenReturn(chunk);
        }, 1);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Cuts every connection through the proxy at once. */
    void cut() {
        connections.forEach(Connection::dispose);
    }

    /** Holds every byte back for {@code duration} from now. */
    void stall(Duration duration) {
        stalledUntilNanos = System.nanoTime() + duration.toNanos();
    }

    /** Holds each buffer back by {@code delay} until told otherwise ({@link Duration#ZERO}). */
    void trickle(Duration delay) {
        this.trickle = delay;
    }

    int openConnections() {
        return connections.size();
    }

    int accepted() {
        return accepted.get();
    }

    @Override
    public void close() {
        cut();
        server.disposeNow();
    }
}
