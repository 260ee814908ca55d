package dev.connectchat.examples;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatSession;
import reactor.core.publisher.Flux;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JVM holding thousands of chat sessions at once against the embedded emulator, as a bot backend does:
 * every session answers every agent message, and the program prints throughput and memory as it goes.
 *
 * <p>{@code mvn -B -q -pl examples exec:java -Dexec.mainClass=dev.connectchat.examples.ManyChatsExample
 * -Dexec.args="2000 5"} (chats, rounds).
 */
public final class ManyChatsExample {
    private ManyChatsExample() {
    }

    public static void main(String[] args) {
        int chats = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        run(chats, rounds, System.out);
        System.exit(0);
    }

    /** @return how many answers the bot sessions sent */
    static long run(int chats, int rounds, PrintStream out) {
        try (ParticipantEmulator emulator = ParticipantEmulator.builder().maxTranscriptItems(200).start();
             ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build()) {
            List<EmulatedChat> all = Flux.range(0, chats).map(i -> emulator.startChat("bot-" + i)).collectList().block();
            long start = System.nanoTime();
            List<ChatSession> sessions = Flux.fromIterable(all)
                    .flatMap(chat -> ChatSession.connect(client, chat.participantToken()), 128)
                    .collectList().block(Duration.ofMinutes(5));
            out.printf("%d sessions open in %.1f s; heap used %d MiB%n", sessions.size(), seconds(start), heapMiB());

            AtomicLong answered = new AtomicLong();
            long expected = (long) chats * rounds;
            reactor.core.publisher.Mono<Void> allAnswered = Flux.fromIterable(sessions)
                    .flatMap(session -> session.items()
                            .ofType(ChatItem.Message.class)
                            .filter(m -> "Agent".equals(m.displayName()))
                            .take(rounds)
                            .concatMap(m -> session.sendMessage("re: " + m.content()))
                            .doOnNext(sent -> answered.incrementAndGet()), Integer.MAX_VALUE)
                    .then();
            java.util.concurrent.CompletableFuture<Void> done = allAnswered.toFuture();
            start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                for (EmulatedChat chat : all) {
                    chat.agent().sendMessage("question " + round);
                }
                out.printf("round %d: %d answers so far, %.0f answers/s, heap used %d MiB%n", round + 1,
                        answered.get(), answered.get() / seconds(start), heapMiB());
            }
            reactor.core.publisher.Mono.fromFuture(done).block(Duration.ofMinutes(5));
            out.printf("%d answers in %.1f s (%.0f/s); heap used %d MiB%n", answered.get(), seconds(start),
                    answered.get() / seconds(start), heapMiB());
            sessions.forEach(ChatSession::close);
            if (answered.get() != expected) {
                throw new IllegalStateException("expected " + expected + " answers, got " + answered.get());
            }
            return answered.get();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long heapMiB() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
