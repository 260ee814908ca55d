package dev.connectchat.bench.raw;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.nio.charset.StandardCharsets;

/**
 * The server the benchmarks call, run in its own JVM so that its work and allocations are not counted with
 * the client's: answers every request, after reading its body, with a fixed SendMessage response.
 */
public final class BenchServer {
    public static final byte[] RESPONSE = ("{\"Id\":\"0192f6a4-5c0e-7a3c-9f1e-2b7d3c4e5f60\","
            + "\"AbsoluteTime\":\"2024-07-14T22:18:39.241Z\"}").getBytes(StandardCharsets.UTF_8);

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        ByteBuf body = Unpooled.unreleasableBuffer(Unpooled.directBuffer(RESPONSE.length).writeBytes(RESPONSE));
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> req.receive().then(
                        res.header("Content-Type", "application/json")
                                .header("x-amzn-RequestId", "bench")
                                .header("Content-Length", String.valueOf(RESPONSE.length))
                                .send(Mono.just(body.duplicate())).then()))
                .bindNow();
        System.out.println("PORT " + server.port());
        System.out.flush();
        // runs until its parent closes our standard input
        while (System.in.read() >= 0) {
            // keep reading
        }
        server.disposeNow();
    }
}
