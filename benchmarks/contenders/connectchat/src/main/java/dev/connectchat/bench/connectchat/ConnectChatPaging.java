package dev.connectchat.bench.connectchat;

import dev.connectchat.bench.Pager;
import dev.connectchat.bench.PagingLoad;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.ConnectionType;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.ScanDirection;
import dev.connectchat.participant.model.SortKey;

import java.net.URI;
import java.time.Duration;

/** connectchat's {@code transcript(...)}: pages fetched as the subscriber asks, oldest first. */
public final class ConnectChatPaging implements Pager {
    private final ParticipantClient client;
    private final String connectionToken;

    private ConnectChatPaging(URI endpoint, String participantToken) {
        this.client = ParticipantClient.builder().endpoint(endpoint).build();
        this.connectionToken = client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                        .participantToken(participantToken).type(ConnectionType.CONNECTION_CREDENTIALS).build())
                .block(Duration.ofSeconds(30)).connectionCredentials().connectionToken();
    }

    public static void main(String[] args) throws Exception {
        PagingLoad.main("connectchat", args, ConnectChatPaging::new);
    }

    @Override
    public long readAll() {
        return client.transcript(GetTranscriptRequest.builder().connectionToken(connectionToken).maxResults(100)
                .scanDirection(ScanDirection.FORWARD).sortOrder(SortKey.ASCENDING).build())
                .count().block(Duration.ofMinutes(5));
    }

    @Override
    public void close() {
        client.close();
    }
}
