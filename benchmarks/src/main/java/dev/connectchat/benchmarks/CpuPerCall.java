package dev.connectchat.benchmarks;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.RetryPolicy;
import dev.connectchat.participant.model.SendMessageRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantAsyncClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * CPU time of the client JVM per SendMessage call at 256 in flight, and calls per second, for raw Reactor
 * Netty, connectchat and the AWS SDK async client, the server in its own JVM. Complements the JMH benchmark,
 * which reports throughput and allocation but not CPU.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.connectchat.benchmarks.CpuPerCall}
 */
public final class CpuPerCall {
    private static final String TOKEN = "AQIDAHj1cS2F7yV8c0l3a0NvbhBvbS3Ya3n4VGVzdFRva2VuVGVzdFRva2VuVGVzdA==";
    private static final String CONTENT = "Hello, I would like to change my booking for tomorrow.";

    private CpuPerCall() {
    }

    public static void main(String[] args) throws Exception {
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), BenchServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            URI endpoint = URI.create("http://127.0.0.1:" + out.readLine().substring("PORT ".length()));
            ParticipantClient connectchat = ParticipantClient.builder().endpoint(endpoint)
                    .retryPolicy(RetryPolicy.none()).build();
            SendMessageRequest request = SendMessageRequest.builder().connectionToken(TOKEN)
                    .contentType("text/plain").content(CONTENT).build();
            HttpClient raw = HttpClient.create();
            String uri = endpoint + "/participant/message";
            String body = "{\"ContentType\":\"text/plain\",\"Content\":\"" + CONTENT
                    + "\",\"ClientToken\":\"0b3f8a7e-6b7e-4c38-9a29-1f7f2d9a4c11\"}";
            ConnectParticipantAsyncClient sdk = ConnectParticipantAsyncClient.builder().endpointOverride(endpoint)
                    .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                    .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(512)).build();

            Supplier<Mono<?>> rawCall = () -> raw.post().uri(uri)
                    .send((req, o) -> {
                        req.requestHeaders().set("X-Amz-Bearer", TOKEN)
                                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
                        return o.sendString(Mono.just(body));
                    })
                    .responseSingle((res, content) -> content.asString());
            Supplier<Mono<?>> ours = () -> connectchat.sendMessage(request);
            Supplier<Mono<?>> theirs = () -> Mono.fromFuture(() -> sdk.sendMessage(r -> r.connectionToken(TOKEN)
                    .contentType("text/plain").content(CONTENT)));
            for (int round = 0; round < 2; round++) {
                boolean report = round == 1;
                measure("raw Reactor Netty", rawCall, 150_000, report);
                measure("connectchat", ours, 150_000, report);
                measure("AWS SDK v2 async", theirs, 20_000, report);
            }
            sdk.close();
        } finally {
            server.getOutputStream().close();
            server.destroy();
        }
    }

    private static void measure(String name, Supplier<Mono<?>> call, int calls, boolean report) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        Flux.range(0, calls).flatMap(i -> call.get(), 256).blockLast(Duration.ofMinutes(10));
        long wall = System.nanoTime() - start;
        long used = os.getProcessCpuTime() - cpu;
        if (report) {
            System.out.printf("%-20s %8.0f calls/s  %6.1f us CPU per call%n", name, calls / (wall / 1e9),
                    used / 1e3 / calls);
        }
    }
}
