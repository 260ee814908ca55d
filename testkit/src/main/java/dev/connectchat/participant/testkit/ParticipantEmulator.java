package dev.connectchat.participant.testkit;

import dev.connectchat.participant.model.View;
import dev.connectchat.participant.testkit.internal.EmulatorServer;
import dev.connectchat.participant.testkit.internal.EmulatorSettings;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An embedded, stateful emulator of the Amazon Connect Participant Service: the REST API, the chat WebSocket
 * and the attachment storage, on 127.0.0.1 and a random free port, started in-process in milliseconds.
 *
 * <pre>{@code
 * try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
 *     EmulatedChat chat = emulator.startChat("Jane");
 *     ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
 *     // CreateParticipantConnection with chat.participantToken(), then talk; chat.agent() answers
 * }
 * }</pre>
 *
 * <p>It checks requests as the service does (tokens, constraints, content types), answers errors as the
 * service does ({@code x-amzn-ErrorType}, a JSON body, {@code x-amzn-RequestId} on every answer), and can be
 * told to fail: see {@link Faults}. Thread-safe.
 */
public final class ParticipantEmulator implements AutoCloseable {
    private final EmulatorServer server;

    private ParticipantEmulator(EmulatorServer server) {
        this.server = server;
    }

    /** @return an emulator with the default settings, started on 127.0.0.1 and a random free port */
    public static ParticipantEmulator start() {
        return builder().start();
    }

    /** @return a builder for other settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the endpoint to give {@code ParticipantClient.builder().endpoint(...)}, e.g. {@code http://127.0.0.1:40123} */
    public URI endpoint() {
        return server.endpoint();
    }

    /** @return a new chat with a customer named "Customer" */
    public EmulatedChat startChat() {
        return startChat("Customer");
    }

    /**
     * Creates a contact as StartChatContact does: the customer has joined, an agent has not.
     *
     * @param customerDisplayName the customer's display name
     * @return the chat
     */
    public EmulatedChat startChat(String customerDisplayName) {
        return server.state().startChat(Objects.requireNonNull(customerDisplayName, "customerDisplayName"));
    }

    /**
     * @param contactId a contact id
     * @return the chat of that contact, if any
     */
    public Optional<EmulatedChat> chat(String contactId) {
        return server.state().chat(contactId);
    }

    /**
     * Makes a view known to DescribeView.
     *
     * @param viewToken the token DescribeView is called with
     * @param view the view it answers
     */
    public void registerView(String viewToken, View view) {
        server.state().registerView(viewToken, view);
    }

    /** @return faults of the whole emulator */
    public Faults faults() {
        return server.state().faults();
    }

    /** Stops the emulator: closes every socket and frees the port, the event loops and every buffer. */
    @Override
    public void close() {
        server.close();
    }

    /** Builds a {@link ParticipantEmulator}. */
    public static final class Builder {
        /** How long a connection token works, unless set: one day, as the service's. */
        public static final Duration DEFAULT_CONNECTION_TOKEN_LIFETIME = Duration.ofDays(1);
        /** How long a WebSocket URL can be opened after it was issued, unless set: 100 s, as the service's. */
        public static final Duration DEFAULT_WEBSOCKET_URL_LIFETIME = Duration.ofSeconds(100);
        /** The largest attachment, unless set: 20 MiB. */
        public static final long DEFAULT_MAX_ATTACHMENT_SIZE = 20L * 1024 * 1024;
        /** The most attachments of one chat, unless set. */
        public static final int DEFAULT_MAX_ATTACHMENTS_PER_CHAT = 20;
        /** The most transcript items one chat keeps, unless set; older ones are dropped. */
        public static final int DEFAULT_MAX_TRANSCRIPT_ITEMS = 10_000;

        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private Duration connectionTokenLifetime = DEFAULT_CONNECTION_TOKEN_LIFETIME;
        private Duration webSocketUrlLifetime = DEFAULT_WEBSOCKET_URL_LIFETIME;
        private Duration webSocketLifetime;
        private long maxAttachmentSize = DEFAULT_MAX_ATTACHMENT_SIZE;
        private int maxAttachmentsPerChat = DEFAULT_MAX_ATTACHMENTS_PER_CHAT;
        private int maxTranscriptItems = DEFAULT_MAX_TRANSCRIPT_ITEMS;
        private Set<String> rejectedAttachmentTypes = Set.of();
        private EmulatorSettings.Limits limits = EmulatorSettings.Limits.DEFAULTS;

        private Builder() {
        }

        /**
         * @param host the address to listen on; 127.0.0.1 unless set (a container needs 0.0.0.0)
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param port the port; 0 (the default) picks a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * @param clock the clock of item times and of token and URL expiry
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param lifetime how long a connection token works after CreateParticipantConnection
         * @return this builder
         */
        public Builder connectionTokenLifetime(Duration lifetime) {
            this.connectionTokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * @param lifetime how long a WebSocket URL can be opened after it was issued ({@code ConnectionExpiry})
         * @return this builder
         */
        public Builder webSocketUrlLifetime(Duration lifetime) {
            this.webSocketUrlLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * @param lifetime how long an open WebSocket lives before the emulator closes it (1001); none unless set
         * @return this builder
         */
        public Builder webSocketLifetime(Duration lifetime) {
            this.webSocketLifetime = lifetime;
            return this;
        }

        /**
         * @param bytes the largest attachment StartAttachmentUpload accepts; larger ones answer 402
         * @return this builder
         */
        public Builder maxAttachmentSize(long bytes) {
            this.maxAttachmentSize = bytes;
            return this;
        }

        /**
         * @param count the most attachments of one chat; more answer 402
         * @return this builder
         */
        public Builder maxAttachmentsPerChat(int count) {
            this.maxAttachmentsPerChat = count;
            return this;
        }

        /**
         * @param count the most items one chat's transcript keeps (older ones are dropped), bounding memory
         * @return this builder
         */
        public Builder maxTranscriptItems(int count) {
            this.maxTranscriptItems = count;
            return this;
        }

        /**
         * @param contentTypes attachment content types the emulated scanner rejects (status REJECTED)
         * @return this builder
         */
        public Builder rejectedAttachmentTypes(Set<String> contentTypes) {
            this.rejectedAttachmentTypes = Set.copyOf(contentTypes);
            return this;
        }

        /**
         * @param bytes the largest REST or control request body; larger ones are answered 413 unread
         *              (1 MiB unless set; attachment uploads are bounded by {@link #maxAttachmentSize})
         * @return this builder
         */
        public Builder maxRequestBytes(long bytes) {
            limits = new EmulatorSettings.Limits(bytes, limits.idleTimeout(), limits.readTimeout(),
                    limits.subscribeTimeout(), limits.socketIdleTimeout(), limits.maxChats(), limits.advertisedEndpoint());
            return this;
        }

        /**
         * @param idle how long an idle keep-alive connection stays open (60 s unless set)
         * @param read the longest silence while a request is read (10 s unless set): a client that drips its
         *             request is cut off
         * @return this builder
         */
        public Builder connectionTimeouts(Duration idle, Duration read) {
            limits = new EmulatorSettings.Limits(limits.maxRequestBytes(), idle, read, limits.subscribeTimeout(),
                    limits.socketIdleTimeout(), limits.maxChats(), limits.advertisedEndpoint());
            return this;
        }

        /**
         * @param subscribe how long a chat socket may stay open without subscribing (30 s unless set)
         * @param idle how long a chat socket may stay open without sending a frame (10 min unless set, as the
         *             service's gateway)
         * @return this builder
         */
        public Builder socketTimeouts(Duration subscribe, Duration idle) {
            limits = new EmulatorSettings.Limits(limits.maxRequestBytes(), limits.idleTimeout(), limits.readTimeout(),
                    subscribe, idle, limits.maxChats(), limits.advertisedEndpoint());
            return this;
        }

        /**
         * @param count the most chats at once (10,000 unless set); starting one more is refused
         * @return this builder
         */
        public Builder maxChats(int count) {
            limits = new EmulatorSettings.Limits(limits.maxRequestBytes(), limits.idleTimeout(), limits.readTimeout(),
                    limits.subscribeTimeout(), limits.socketIdleTimeout(), count, limits.advertisedEndpoint());
            return this;
        }

        /**
         * @param endpoint the address clients reach the emulator at, when it is not the one it listens on (in a
         *                 container, behind a proxy): socket, attachment and authentication URLs are built from
         *                 it. Unless set, the emulator's own address; a request's {@code Host} header is never used
         * @return this builder
         */
        public Builder advertisedEndpoint(URI endpoint) {
            limits = new EmulatorSettings.Limits(limits.maxRequestBytes(), limits.idleTimeout(), limits.readTimeout(),
                    limits.subscribeTimeout(), limits.socketIdleTimeout(), limits.maxChats(), endpoint);
            return this;
        }

        /** @return the started emulator */
        public ParticipantEmulator start() {
            EmulatorSettings settings = new EmulatorSettings(host, port, clock, connectionTokenLifetime,
                    webSocketUrlLifetime, webSocketLifetime, maxAttachmentSize, maxAttachmentsPerChat,
                    maxTranscriptItems, rejectedAttachmentTypes, limits);
            return new ParticipantEmulator(EmulatorServer.start(settings));
        }
    }
}
