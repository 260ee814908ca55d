package dev.connectchat.bench.sdk;

import dev.connectchat.bench.Contender;
import dev.connectchat.bench.Load;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantAsyncClient;

import java.net.URI;
import java.util.function.Consumer;

/**
 * The AWS SDK v2 async client as its users run it, on the Netty of its class path: its defaults (retries, the
 * default credentials chain, SigV4), its Netty client with a pool as large as connectchat's (500).
 */
public final class AwsSdk implements Contender {
    private final ConnectParticipantAsyncClient client;

    private AwsSdk(URI endpoint) {
        this.client = ConnectParticipantAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(500)).build();
    }

    public static void main(String[] args) throws Exception {
        // the same class runs on Netty 4.1 (sdk-netty41's class path) and on 4.2 (sdk-netty42's)
        String netty = io.netty.util.Version.identify().values().iterator().next().artifactVersion();
        Load.main("AWS SDK on Netty " + netty.substring(0, netty.indexOf('.', netty.indexOf('.') + 1)), args, AwsSdk::new);
    }

    @Override
    public void call(Runnable done, Consumer<Throwable> failed) {
        client.sendMessage(r -> r.connectionToken(TOKEN).contentType("text/plain").content(CONTENT))
                .whenComplete((answer, error) -> {
                    if (error == null) {
                        done.run();
                    } else {
                        failed.accept(error);
                    }
                });
    }

    @Override
    public void close() {
        client.close();
    }
}
