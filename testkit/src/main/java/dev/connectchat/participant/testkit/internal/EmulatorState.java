package dev.connectchat.participant.testkit.internal;

import dev.connectchat.participant.model.View;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.Faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every chat, token and URL of one emulator, and its global faults. Thread-safe. */
public final class EmulatorState implements FaultState.Target {
    /** Past this many grants, expired ones are swept when a new one is issued, bounding memory. */
    private static final int SWEEP_ABOVE = 10_000;

    final EmulatorSettings settings;
    /**
     * The emulator's own timers (socket timeouts and lifetimes, latency faults), on its own thread: never
     * Reactor's schedulers, which a test of the client may have replaced with virtual time (a replaced factory
     * makes {@code Schedulers.newSingle} virtual too; an executor of our own stays real).
     */
    final reactor.core.scheduler.Scheduler timers = reactor.core.scheduler.Schedulers.fromExecutorService(
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "connectchat-emulator-timers");
                t.setDaemon(true);
                return t;
            }), "connectchat-emulator-timers");
    private final Map<String, ChatRoom> chats = new ConcurrentHashMap<>();
    private final Map<String, ChatRoom> byParticipantToken = new ConcurrentHashMap<>();
    private final Map<String, Grant> connectionTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> urls = new ConcurrentHashMap<>();
    private final Map<String, View> views = new ConcurrentHashMap<>();
    private final FaultState faults = new FaultState(this);

    EmulatorState(EmulatorSettings settings) {
        this.settings = settings;
    }

    /** @return now, to the millisecond: the service's timestamps have no finer part */
    Instant now() {
        return settings.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** @return a new chat */
    public EmulatedChat startChat(String customerName) {
        int cap = settings.limits().maxChats();
        if (chats.size() >= cap && chats.values().stream().filter(r -> !r.ended()).count() >= cap) {
            throw new IllegalStateException("the emulator already holds " + cap + " chats that have not ended "
                    + "(ParticipantEmulator.Builder.maxChats)");
        }
        ChatRoom room = new ChatRoom(this, customerName);
        chats.put(room.contactId, room);
        byParticipantToken.put(room.customer.participantToken, room);
        return room;
    }

    /** @return the chat of a contact */
    /** @return every chat, in no particular order */
    java.util.Collection<ChatRoom> rooms() {
        return chats.values();
    }

    public Optional<EmulatedChat> chat(String contactId) {
        return Optional.ofNullable(chats.get(contactId));
    }

    ChatRoom room(String contactId) {
        return chats.get(contactId);
    }

    /** Registers a view for DescribeView. */
    public void registerView(String viewToken, View view) {
        views.put(viewToken, view);
    }

    View view(String viewToken) {
        return views.get(viewToken);
    }

    /** @return the global faults */
    public Faults faults() {
        return faults;
    }

    FaultState faultState() {
        return faults;
    }

    ChatRoom byParticipantToken(String token) {
        return token == null ? null : byParticipantToken.get(token);
    }

    /** @return the chat a participant or connection token belongs to, for per-chat faults; or {@code null} */
    ChatRoom roomOf(String token) {
        if (token == null) {
            return null;
        }
        Grant grant = connectionTokens.get(token);
        return grant != null ? grant.room : byParticipantToken.get(token);
    }

    Grant issueConnectionToken(ChatRoom room, Participant participant) {
        sweep(connectionTokens);
        Grant grant = new Grant(ItemIds.token("CT", 128), room, participant,
                now().plus(settings.connectionTokenLifetime()));
        connectionTokens.put(grant.token, grant);
        return grant;
    }

    Grant issueUrl(ChatRoom room, Participant participant) {
        sweep(urls);
        Grant grant = new Grant(ItemIds.token("", 48), room, participant, now().plus(settings.webSocketUrlLifetime()));
        urls.put(grant.token, grant);
        return grant;
    }

    /** @return the live grant of a connection token, or {@code null} */
    Grant connection(String token) {
        Grant grant = token == null ? null : connectionTokens.get(token);
        return grant == null || grant.expired(now()) ? null : grant;
    }

    /** @return the live grant of a WebSocket URL token, or {@code null} */
    Grant url(String token) {
        Grant grant = token == null ? null : urls.get(token);
        return grant == null || grant.expired(now()) ? null : grant;
    }

    private void sweep(Map<String, Grant> grants) {
        if (grants.size() > SWEEP_ABOVE) {
            Instant now = now();
            grants.values().removeIf(g -> g.expired(now));
        }
    }

    void expireUrls(ChatRoom only) {
        Instant now = now();
        urls.values().forEach(g -> {
            if (only == null || g.room == only) {
                g.expiresAt = now;
            }
        });
    }

    void expireTokens(ChatRoom only, Duration after) {
        Instant at = now().plus(after);
        connectionTokens.values().forEach(g -> {
            if ((only == null || g.room == only) && g.expiresAt.isAfter(at)) {
                g.expiresAt = at;
            }
        });
    }

    @Override
    public void dropSockets(boolean abrupt) {
        chats.values().forEach(room -> room.dropSockets(abrupt));
    }

    @Override
    public void expireUrls() {
        expireUrls(null);
    }

    @Override
    public void expireTokens(Duration after) {
        expireTokens(null, after);
    }

    /** Ends every socket: the emulator is stopping. */
    void closeAll() {
        dropSockets(true);
        timers.dispose();
    }
}
