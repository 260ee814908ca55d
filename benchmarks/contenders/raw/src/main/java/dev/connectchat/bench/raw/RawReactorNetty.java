package dev.connectchat.bench.raw;

import dev.connectchat.bench.Contender;
import dev.connectchat.bench.Load;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.util.function.Consumer;

/**
 * The floor: Reactor Netty with a fixed request body and the answer read as text, no model, no validation, no
 * retries. What any client on Reactor Netty costs at least.
 */
public final class RawReactorNetty implements Contender {
    private static final String BODY = "{\"ContentType\":\"text/plain\",\"Content\":\"" + CONTENT
            + "\",\"ClientToken\":\"0b3f8a7e-6b7e-4c38-9a29-1f7f2d9a4c11\"}";
    private final HttpClient http;

    private RawReactorNetty(URI endpoint) {
        this.http = HttpClient.create().baseUrl(endpoint.toString());
    }

    public static void main(String[] args) throws Exception {
        Load.main("raw Reactor Netty", args, RawReactorNetty::new);
    }

    @Override
    public void call(Runnable done, Consumer<Throwable> failed) {
        http.post().uri("/participant/message")
                .send((req, out) -> {
                    req.requestHeaders().set("X-Amz-Bearer", TOKEN)
                            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
                    return out.sendString(Mono.just(BODY));
                })
                .responseSingle((res, content) -> content.asString())
                .subscribe(answer -> done.run(), failed);
    }

    @Override
    public void close() {
        // the global resources end with the JVM
    }
}
