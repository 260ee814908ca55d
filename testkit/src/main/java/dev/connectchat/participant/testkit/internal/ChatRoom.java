package dev.connectchat.participant.testkit.internal;

import dev.connectchat.participant.model.ChatItemType;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.MessageMetadata;
import dev.connectchat.participant.model.ParticipantRole;
import dev.connectchat.participant.model.Receipt;
import dev.connectchat.participant.testkit.EmulatedAgent;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.Faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One chat: its participants, transcript, open sockets, idempotency cache, attachments and faults. Items are
 * added and pushed under the chat's lock, so every socket sees them in transcript order.
 */
final class ChatRoom implements EmulatedChat, FaultState.Target {
    static final String EVENT = "application/vnd.amazonaws.connect.event.";
    private static final int IDEMPOTENCY_ENTRIES = 1000;

    final EmulatorState state;
    final String contactId;
    final Participant customer;
    final Participant agent;
    final AttachmentStore attachments;
    private final Transcript transcript;
    private final FaultState faults = new FaultState(this);
    private final Set<SocketSession> sockets = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> idempotency = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > IDEMPOTENCY_ENTRIES;
        }
    };
    private final Map<String, String> authSessions = new ConcurrentHashMap<>();
    private final Agent agentSide = new Agent();
    private volatile boolean ended;
    private Instant lastTime = Instant.EPOCH;

    ChatRoom(EmulatorState state, String customerName) {
        this.state = state;
        this.contactId = ItemIds.uuid();
        this.customer = new Participant(ItemIds.uuid(), customerName, ParticipantRole.CUSTOMER,
                ItemIds.token("PT", 96));
        this.agent = new Participant(ItemIds.uuid(), "Agent", ParticipantRole.AGENT, null);
        this.transcript = new Transcript(contactId, state.settings.maxTranscriptItems());
        this.attachments = new AttachmentStore(this);
        customer.joined = true;
        add(event(customer, "participant.joined", null), true);
    }

    // ---- adding items ----

    Item.Builder event(Participant from, String name, String content) {
        Item.Builder b = Item.builder().type(ChatItemType.EVENT).contentType(EVENT + name).content(content);
        return from == null ? b : b.participantId(from.id).displayName(from.displayName).participantRole(from.role);
    }

    Item.Builder message(Participant from, String contentType, String content) {
        return Item.builder().type(ChatItemType.MESSAGE).contentType(contentType).content(content)
                .participantId(from.id).displayName(from.displayName).participantRole(from.role);
    }

    /** Stamps the item with an id and a time, stores it when {@code persist}, and pushes it to every socket. */
    synchronized Item add(Item.Builder builder, boolean persist) {
        Instant at = nextTime();
        Item item = builder.id(ItemIds.uuid7(at.toEpochMilli())).absoluteTime(at).build();
        if (persist) {
            transcript.append(item);
        }
        push(item);
        return item;
    }

    /** Pushes the chunks of one message under one id, then the completed message, which alone is stored. */
    synchronized Item streamed(Participant from, String... chunks) {
        Instant at = nextTime();
        String id = ItemIds.uuid7(at.toEpochMilli());
        StringBuilder whole = new StringBuilder();
        for (int i = 0; i < chunks.length; i++) {
            whole.append(chunks[i]);
            Item chunk = message(from, "text/plain", chunks[i]).id(id).absoluteTime(at)
                    .messageMetadata(MessageMetadata.builder().messageId(id).chunkNumber(i + 1)
                            .messageCompleted(false).build()).build();
            push(chunk);
        }
        Item complete = message(from, "text/plain", whole.toString()).id(id).absoluteTime(at).build();
        transcript.append(complete);
        push(complete.toBuilder().messageMetadata(MessageMetadata.builder().messageId(id)
                .chunkNumber(chunks.length + 1).messageCompleted(true).build()).build());
        return complete;
    }

    /** Under the lock: now, to the millisecond, never before the chat's last item, so times stay in order. */
    private Instant nextTime() {
        Instant now = state.now();
        lastTime = now.isAfter(lastTime) ? now : lastTime;
        return lastTime;
    }

    private void push(Item item) {
        String frame = null;
        for (SocketSession socket : sockets) {
            if (socket.subscribed()) {
                if (frame == null) {
                    frame = PushFrames.frame(item, contactId);
                }
                socket.send(frame);
            }
        }
    }

    /** A read or delivered receipt: pushed as a MESSAGEMETADATA item, and kept on the message it is about. */
    synchronized Item receipt(Participant from, String kind, String messageId) {
        Instant now = state.now();
        Receipt receipt = kind.equals("message.read")
                ? Receipt.builder().readTimestamp(now).deliveredTimestamp(now).recipientParticipantId(from.id).build()
                : Receipt.builder().deliveredTimestamp(now).recipientParticipantId(from.id).build();
        transcript.update(messageId, message -> {
            MessageMetadata before = message.messageMetadata();
            List<Receipt> receipts = new ArrayList<>(before == null ? List.of() : before.receipts());
            receipts.removeIf(r -> from.id.equals(r.recipientParticipantId()));
            receipts.add(receipt);
            return message.toBuilder().messageMetadata(MessageMetadata.builder().messageId(messageId)
                    .receipts(receipts).build()).build();
        });
        return add(Item.builder().type("MESSAGEMETADATA")
                .contentType(EVENT + "message.metadata")
                .messageMetadata(MessageMetadata.builder().messageId(messageId).receipts(receipt).build()), false);
    }

    private synchronized String latestMessageNotFrom(Participant who) {
        List<Item> items = transcript.all();
        for (int i = items.size() - 1; i >= 0; i--) {
            Item item = items.get(i);
            if (ChatItemType.MESSAGE.equals(item.type()) && !who.id.equals(item.participantId())) {
                return item.id();
            }
        }
        return null;
    }

    synchronized GetTranscriptResponse page(GetTranscriptRequest request) {
        return transcript.page(request, contactId);
    }

    synchronized boolean hasItem(String id) {
        return transcript.contains(id);
    }

    /** Runs {@code action} once per client token: a repeated token gets the first result and changes nothing. */
    @SuppressWarnings("unchecked")
    <T> T idempotent(String operation, Participant who, String clientToken, Supplier<T> action) {
        if (clientToken == null || clientToken.isEmpty()) {
            return action.get();
        }
        String key = operation + '|' + who.id + '|' + clientToken;
        synchronized (idempotency) {
            Object done = idempotency.get(key);
            if (done != null) {
                return (T) done;
            }
            T result = action.get();
            idempotency.put(key, result);
            return result;
        }
    }

    // ---- sockets ----

    void open(SocketSession socket) {
        sockets.add(socket);
    }

    void closed(SocketSession socket) {
        sockets.remove(socket);
    }

    @Override
    public void dropSockets(boolean abrupt) {
        for (SocketSession socket : sockets) {
            socket.drop(abrupt);
        }
    }

    @Override
    public void expireUrls() {
        state.expireUrls(this);
    }

    @Override
    public void expireTokens(Duration after) {
        state.expireTokens(this, after);
    }

    FaultState faultState() {
        return faults;
    }

    // ---- EmulatedChat ----

    @Override
    public String participantToken() {
        return customer.participantToken;
    }

    @Override
    public String contactId() {
        return contactId;
    }

    @Override
    public String customerParticipantId() {
        return customer.id;
    }

    @Override
    public synchronized List<Item> transcript() {
        return transcript.all();
    }

    @Override
    public EmulatedAgent agent() {
        return agentSide;
    }

    @Override
    public Item transfer(boolean succeeded) {
        return add(event(null, succeeded ? "transfer.succeeded" : "transfer.failed", null), true);
    }

    @Override
    public synchronized Item end() {
        if (ended) {
            throw new IllegalStateException("the chat has ended already");
        }
        ended = true;
        customer.left = true;
        agent.left = true;
        return add(event(null, "chat.ended", null), true);
    }

    @Override
    public boolean ended() {
        return ended;
    }

    @Override
    public String requestAuthentication() {
        String session = ItemIds.uuid();
        authSessions.put(session, "initiated");
        add(event(null, "authentication.initiated", "{\"SessionId\":\"" + session + "\"}"), true);
        return session;
    }

    /** @return whether the session exists and was not ended */
    boolean authSession(String sessionId, String nextStatus) {
        String before = authSessions.get(sessionId);
        if (before == null || !before.equals("initiated")) {
            return false;
        }
        if (nextStatus != null) {
            authSessions.put(sessionId, nextStatus);
            add(event(null, "authentication." + nextStatus, "{\"SessionId\":\"" + sessionId + "\"}"), true);
        }
        return true;
    }

    @Override
    public int openWebSockets() {
        return (int) sockets.stream().filter(SocketSession::subscribed).count();
    }

    @Override
    public Faults faults() {
        return faults;
    }

    @Override
    public String toString() {
        return "EmulatedChat[contactId=" + contactId + ", ended=" + ended + "]";
    }

    /** The agent side. */
    private final class Agent implements EmulatedAgent {
        @Override
        public String participantId() {
            return agent.id;
        }

        @Override
        public Item sendMessage(String text) {
            return sendMessage("text/plain", text);
        }

        @Override
        public Item sendMessage(String contentType, String content) {
            return add(message(agent, contentType, content), true);
        }

        @Override
        public Item sendEvent(String contentType) {
            String name = contentType.startsWith(EVENT) ? contentType.substring(EVENT.length()) : contentType;
            if (name.equals("message.read") || name.equals("message.delivered")) {
                // a receipt without a message id: for the customer's latest message, as the agent's
                // workspace sends it when the agent opens the chat
                String latest = latestMessageNotFrom(agent);
                if (latest != null) {
                    return receipt(agent, name, latest);
                }
            }
            return add(event(agent, name, null), !name.equals("typing"));
        }

        @Override
        public Item sendReceipt(String contentType, String messageId) {
            String name = contentType.startsWith(EVENT) ? contentType.substring(EVENT.length()) : contentType;
            return receipt(agent, name, messageId);
        }

        @Override
        public Item sendStreamedMessage(String... chunks) {
            return streamed(agent, chunks);
        }

        @Override
        public Item sendAttachment(String name, String contentType, byte[] bytes) {
            return attachments.post(agent, name, contentType, bytes);
        }

        @Override
        public Item join() {
            agent.joined = true;
            return add(event(agent, "participant.joined", null), true);
        }

        @Override
        public Item leave() {
            agent.joined = false;
            return add(event(agent, "participant.left", null), true);
        }
    }
}
