package dev.connectchat.bench.connectchat;

import dev.connectchat.bench.Contender;
import dev.connectchat.bench.Load;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.SendMessageRequest;

import java.net.URI;
import java.util.function.Consumer;

/** connectchat with its defaults: validation, idempotency token, retries, typed answer. */
public final class ConnectChat implements Contender {
    private final ParticipantClient client;

    private ConnectChat(URI endpoint) {
        this.client = ParticipantClient.builder().endpoint(endpoint).build();
    }

    public static void main(String[] args) throws Exception {
        Load.main("connectchat", args, ConnectChat::new);
    }

    @Override
    public void call(Runnable done, Consumer<Throwable> failed) {
        client.sendMessage(SendMessageRequest.builder().connectionToken(TOKEN).contentType("text/plain")
                .content(CONTENT).build()).subscribe(answer -> done.run(), failed);
    }

    @Override
    public void close() {
        client.close();
    }
}
