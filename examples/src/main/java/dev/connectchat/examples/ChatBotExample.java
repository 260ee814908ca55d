package dev.connectchat.examples;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.ParticipantException;
import dev.connectchat.participant.model.ParticipantRole;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import dev.connectchat.participant.websocket.ChatItem;
import dev.connectchat.participant.websocket.ChatSession;
import reactor.core.publisher.Mono;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat bot that answers the other side's messages, printing the conversation as it happens.
 *
 * <p>With no arguments it starts the embedded emulator, opens a customer chat, and lets the emulator's agent
 * play a short scripted conversation (a greeting, a few questions, an attachment, the end of the chat); the
 * bot answers each message, and the program exits by itself. Given {@code PARTICIPANT_TOKEN} and
 * {@code AWS_REGION} in the environment, it joins that chat on the real service instead and answers until
 * the chat ends.
 */
public final class ChatBotExample {
    private static final List<String> SCRIPT = List.of(
            "Hello! I'm Sam from Example Travel. How can I help you today?",
            "Of course. What is your booking reference?",
            "Thanks. Which date would you like to move the trip to?",
            "attachment:itinerary.txt",
            "Done: here is your new itinerary. Is there anything else?");

    private ChatBotExample() {
    }

    public static void main(String[] args) {
        String token = System.getenv("PARTICIPANT_TOKEN");
        int status;
        try {
            status = token == null || token.isBlank() ? runAgainstTheEmulator(System.out) : runAgainstTheService(token);
        } catch (RuntimeException e) {
            System.err.println("error: " + oneLine(e));
            status = 1;
        }
        System.exit(status);
    }

    /** The scripted conversation against the embedded emulator. @return the exit status */
    static int runAgainstTheEmulator(PrintStream out) {
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build()) {
            EmulatedChat chat = emulator.startChat("Bot");
            out.println("emulator at " + emulator.endpoint() + "; chat " + chat.contactId());
            ChatSession session = ChatSession.connect(client, chat.participantToken()).block(Duration.ofSeconds(30));
            AtomicInteger step = new AtomicInteger();
            Mono<Void> conversation = session.items()
                    .doOnNext(item -> print(out, item))
                    .concatMap(item -> {
                        // the agent's script moves on each time the bot has answered
                        if (item instanceof ChatItem.Message m && m.role() == ParticipantRole.CUSTOMER) {
                            agentStep(chat, step.incrementAndGet());
                        }
                        return answer(session, item);
                    })
                    .then();
            // listen first, then let the agent in
            java.util.concurrent.CompletableFuture<Void> done = conversation.toFuture();
            chat.agent().join();
            agentStep(chat, 0);
            Mono.fromFuture(done).block(Duration.ofMinutes(1));
            out.println("the conversation had " + chat.transcript().size() + " items");
            return 0;
        }
    }

    private static void agentStep(EmulatedChat chat, int step) {
        if (step >= SCRIPT.size()) {
            chat.end();
            return;
        }
        String line = SCRIPT.get(step);
        if (line.startsWith("attachment:")) {
            chat.agent().sendAttachment(line.substring("attachment:".length()), "text/plain",
                    "Paris, 14 May, 09:40, seat 12A".getBytes(StandardCharsets.UTF_8));
        } else {
            chat.agent().sendMessage(line);
        }
    }

    /** Joins a chat of the real service and answers until it ends. @return the exit status */
    static int runAgainstTheService(String participantToken) {
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) {
            System.err.println("error: set AWS_REGION (e.g. us-east-1) along with PARTICIPANT_TOKEN");
            return 2;
        }
        try (ParticipantClient client = ParticipantClient.builder().region(region).build()) {
            ChatSession session = ChatSession.connect(client, participantToken).block(Duration.ofSeconds(30));
            System.out.println("connected; answering until the chat ends (Ctrl-C to stop)");
            session.items()
                    .doOnNext(item -> print(System.out, item))
                    .concatMap(item -> answer(session, item))
                    .blockLast();
            return 0;
        } catch (AccessDeniedException e) {
            System.err.println("error: the service refused the participant token (expired, already used, or the chat "
                    + "has ended)");
            return 1;
        }
    }

    /** The bot: acknowledges and answers the agent's messages and attachments. */
    static Mono<?> answer(ChatSession session, ChatItem item) {
        if (item instanceof ChatItem.Message m && m.role() != ParticipantRole.CUSTOMER) {
            return session.sendReadReceipt(m.id()).then(session.sendMessage(reply(m.content())));
        }
        if (item instanceof ChatItem.Attachment a && a.role() != ParticipantRole.CUSTOMER) {
            String id = a.attachments().get(0).attachmentId();
            return session.downloadAttachment(id)
                    .reduce(0, (n, chunk) -> n + chunk.remaining())
                    .flatMap(size -> session.sendMessage("Got " + a.attachments().get(0).attachmentName()
                            + " (" + size + " bytes), thank you."));
        }
        return Mono.empty();
    }

    static String reply(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.contains("help")) {
            return "Hi Sam, I'd like to change the date of my trip to Paris.";
        }
        if (t.contains("reference")) {
            return "It's EXT-42-PARIS.";
        }
        if (t.contains("date")) {
            return "The 14th of May, please, in the morning.";
        }
        if (t.contains("anything else")) {
            return "No, that's all. Thanks for your help!";
        }
        return "Thanks!";
    }

    private static void print(PrintStream out, ChatItem item) {
        String who = item.displayName() == null ? "" : item.displayName();
        if (item instanceof ChatItem.Message m) {
            out.println("[" + who + "] " + m.content());
        } else if (item instanceof ChatItem.Attachment a) {
            out.println("[" + who + "] sent " + a.attachments().get(0).attachmentName());
        } else if (item instanceof ChatItem.ParticipantJoined) {
            out.println("* " + who + " joined");
        } else if (item instanceof ChatItem.ParticipantLeft) {
            out.println("* " + who + " left");
        } else if (item instanceof ChatItem.ChatEnded) {
            out.println("* the chat ended");
        }
    }

    private static String oneLine(Throwable e) {
        String message = e instanceof ParticipantException || e.getMessage() != null ? e.getMessage() : e.toString();
        return message.replace('\n', ' ');
    }
}
