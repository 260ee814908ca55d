package dev.connectchat.participant.websocket;

import dev.connectchat.participant.model.ParticipantRole;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.stream.IntStream;

/** What the tests of positions and resume compare: the agent's messages, numbered in the order sent. */
final class AgentMessages {
    private AgentMessages() {
    }

    /** @return the contents of the agent's messages among {@code items} */
    static Flux<String> of(Flux<ChatItem> items) {
        return items.ofType(ChatItem.Message.class).filter(m -> m.role() == ParticipantRole.AGENT)
                .map(ChatItem.Message::content);
    }

    /** @return {@code prefix0} to {@code prefix<count-1>} */
    static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }
}
