package dev.connectchat.bench.sdk;

import dev.connectchat.bench.Pager;
import dev.connectchat.bench.PagingLoad;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantAsyncClient;
import software.amazon.awssdk.services.connectparticipant.model.ConnectionType;
import software.amazon.awssdk.services.connectparticipant.model.ScanDirection;
import software.amazon.awssdk.services.connectparticipant.model.SortKey;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/** The AWS SDK's paginator for GetTranscript, as its users page: its defaults, its Netty client. */
public final class AwsSdkPaging implements Pager {
    private final ConnectParticipantAsyncClient client;
    private final String connectionToken;

    private AwsSdkPaging(URI endpoint, String participantToken) {
        this.client = ConnectParticipantAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(500)).build();
        this.connectionToken = client.createParticipantConnection(r -> r.participantToken(participantToken)
                .type(ConnectionType.CONNECTION_CREDENTIALS)).join().connectionCredentials().connectionToken();
    }

    public static void main(String[] args) throws Exception {
        String netty = io.netty.util.Version.identify().values().iterator().next().artifactVersion();
        PagingLoad.main("AWS SDK on Netty " + netty.substring(0, netty.indexOf('.', netty.indexOf('.') + 1)), args,
                AwsSdkPaging::new);
    }

    @Override
    public long readAll() {
        AtomicLong items = new AtomicLong();
        client.getTranscriptPaginator(r -> r.connectionToken(connectionToken).maxResults(100)
                        .scanDirection(ScanDirection.FORWARD).sortOrder(SortKey.ASCENDING))
                .subscribe(page -> items.addAndGet(page.transcript().size())).join();
        return items.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
