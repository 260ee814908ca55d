package dev.connectchat.participant.testkit.internal;

import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar connectchat-testkit-<version>-standalone.jar [--port 8080] [--host 127.0.0.1]}: runs the
 * emulator until stopped, printing its endpoint and the participant token of a first chat. Other chats come
 * from the control API ({@code POST /_emulator/chats}).
 */
public final class StandaloneMain {
    private StandaloneMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // each request in one line at INFO, without tokens (see EmulatorServer.loggable)
        System.setProperty(EmulatorServer.ACCESS_LOG, System.getProperty(EmulatorServer.ACCESS_LOG, "true"));
        int port = 8080;
        String host = "127.0.0.1";
        String advertised = null;
        Integer maxChats = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                case "--advertised-endpoint" -> advertised = args[++i];
                case "--max-chats" -> maxChats = Integer.parseInt(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar connectchat-testkit-standalone.jar [--port 8080] [--host 127.0.0.1]"
                            + " [--advertised-endpoint http://host:port] [--max-chats 10000]");
                    return;
                }
                default -> {
                    System.err.println("unknown argument " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        ParticipantEmulator.Builder builder = ParticipantEmulator.builder().host(host).port(port);
        if (advertised != null) {
            builder.advertisedEndpoint(java.net.URI.create(advertised));
        }
        if (maxChats != null) {
            builder.maxChats(maxChats);
        }
        ParticipantEmulator emulator = builder.start();
        EmulatedChat chat = emulator.startChat("Customer");
        System.out.println("Amazon Connect Participant Service emulator");
        System.out.println("endpoint:          " + emulator.endpoint());
        System.out.println("console:           " + emulator.endpoint() + "/_emulator/console");
        System.out.println("contact id:        " + chat.contactId());
        System.out.println("participant token: " + chat.participantToken());
        System.out.println("more chats:        curl -X POST " + emulator.endpoint() + "/_emulator/chats");
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
