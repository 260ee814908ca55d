package dev.connectchat.benchmarks;

import dev.connectchat.bench.raw.BenchServer;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.RetryPolicy;
import dev.connectchat.participant.model.SendMessageRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantAsyncClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * SendMessage against a server in another JVM on loopback: connectchat, raw Reactor Netty (the floor: a
 * hand-written POST of the same bytes, reading the answer as a string) and the official AWS SDK v2 async
 * client, one call at a time ({@code concurrency=1}) and 256 in flight. Scores are calls per second; run with
 * {@code -prof gc} for bytes allocated per call ({@code gc.alloc.rate.norm}, divide by the concurrency).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SendMessageBenchmark {
    private static final String TOKEN = "AQIDAHj1cS2F7yV8c0l3a0NvbhBvbS3Ya3n4VGVzdFRva2VuVGVzdFRva2VuVGVzdA==";

    @Param({"1", "256"})
    public int concurrency;

    private Process server;
    private ParticipantClient connectchat;
    private HttpClient raw;
    private String rawUri;
    private ConnectParticipantAsyncClient sdk;
    private SendMessageRequest request;
    /** The raw client's body is made once: the floor does no per-call work but the HTTP exchange. */
    private String rawBody;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), BenchServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        URI endpoint = URI.create("http://127.0.0.1:" + line.substring("PORT ".length()));

        connectchat = ParticipantClient.builder().endpoint(endpoint).retryPolicy(RetryPolicy.none()).build();
        raw = HttpClient.create();
        rawUri = endpoint + "/participant/message";
        sdk = ConnectParticipantAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(512))
                .build();
        request = SendMessageRequest.builder().connectionToken(TOKEN).contentType("text/plain")
                .content("Hello, I would like to change my booking for tomorrow.").build();
        rawBody = "{\"ContentType\":\"text/plain\",\"Content\":\"" + request.content()
                + "\",\"ClientToken\":\"" + UUID.randomUUID() + "\"}";
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        sdk.close();
        server.getOutputStream().close();
        server.waitFor(10, TimeUnit.SECONDS);
        server.destroy();
    }

    @Benchmark
    public Object connectchat() {
        return run(() -> connectchat.sendMessage(request));
    }

    @Benchmark
    public Object rawReactorNetty() {
        return run(() -> raw.post().uri(rawUri)
                    .send((req, out) -> {
                        req.requestHeaders().set("X-Amz-Bearer", TOKEN)
                                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
                        return out.sendString(Mono.just(rawBody));
                    })
                    .responseSingle((res, content) -> content.asString()));
    }

    @Benchmark
    public Object awsSdkAsync() {
        return run(() -> Mono.fromFuture(() -> sdk.sendMessage(r -> r.connectionToken(TOKEN).contentType("text/plain")
                .content(request.content()))));
    }

    private Object run(java.util.function.Supplier<Mono<?>> call) {
        if (concurrency == 1) {
            return call.get().block(Duration.ofSeconds(10));
        }
        return Flux.range(0, concurrency).flatMap(i -> call.get(), concurrency).blockLast(Duration.ofSeconds(30));
    }

}
