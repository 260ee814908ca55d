package dev.connectchat.bench.connectchat;

import dev.connectchat.bench.FanInContender;
import dev.connectchat.bench.FanInLoad;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatSession;
import dev.connectchat.participant.websocket.ConnectionState;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** connectchat's ChatSession with its defaults: heartbeats, reconnects, gap fill, ordering, de-duplication. */
public final class ConnectChatFanIn implements FanInContender {
    private ParticipantClient client;
    private List<ChatSession> sessions = List.of();
    private final LongAdder reconnects = new LongAdder();

    public static void main(String[] args) throws Exception {
        FanInLoad.main("connectchat", args, ConnectChatFanIn::new);
    }

    @Override
    public void connect(URI endpoint, List<String> participantTokens, Runnable onMessage) {
        client = ParticipantClient.builder().endpoint(endpoint).build();
        sessions = Flux.fromIterable(participantTokens).flatMap(token -> ChatSession.connect(client, token), 64)
                .collectList().block(Duration.ofMinutes(5));
        for (ChatSession session : sessions) {
            session.states().subscribe(state -> {
                if (state.status() == ConnectionState.Status.RECONNECTING) {
                    reconnects.increment();
                }
            });
            session.items().subscribe(item -> {
                if (item instanceof ChatItem.Message) {
                    onMessage.run();
                }
            });
        }
    }

    @Override
    public long reconnects() {
        return reconnects.sum();
    }

    @Override
    public void close() {
        sessions.forEach(ChatSession::close);
        if (client != null) {
            client.close();
        }
    }
}
