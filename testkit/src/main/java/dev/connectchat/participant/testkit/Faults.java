package dev.connectchat.participant.testkit;

import java.time.Duration;

/**
 * Faults to inject, on the whole emulator ({@link ParticipantEmulator#faults()}) or on one chat
 * ({@link EmulatedChat#faults()}). Every method takes effect at once, is thread-safe and returns this object.
 */
public interface Faults {
    /**
     * @param requests how many of the next REST requests answer 429 ThrottlingException
     * @return this
     */
    Faults throttleNext(int requests);

    /**
     * @param requestsPerSecond the most requests per second answered; more answer 429 (0 or less: no cap)
     * @return this
     */
    Faults capRequestRate(double requestsPerSecond);

    /**
     * @param requests how many of the next REST requests fail
     * @param status 500 (InternalServerException), 503 (ServiceUnavailableException) or 409 (ConflictException, as
     *     the service answers a receipt while more than two participants are in the chat)
     * @return this
     */
    Faults failNext(int requests, int status);

    /**
     * @param latency added before every REST answer ({@link Duration#ZERO} removes it)
     * @return this
     */
    Faults latency(Duration latency);

    /** Closes every open WebSocket abruptly (a TCP reset, no close frame), as a network loss would. */
    Faults dropWebSockets();

    /** Closes every open WebSocket with a close frame (1001, going away). */
    Faults closeWebSockets();

    /**
     * @param stopped whether heartbeats go unanswered (sockets stay open but look dead)
     * @return this
     */
    Faults stopAnsweringHeartbeats(boolean stopped);

    /**
     * @param rejected whether {@code aws/subscribe} is answered with a failure
     * @return this
     */
    Faults rejectSubscriptions(boolean rejected);

    /** Every WebSocket URL issued so far can no longer be opened. */
    Faults expireWebSocketUrls();

    /** Every connection token issued so far stops working (403). */
    Faults expireConnectionTokens();

    /**
     * @param after how long from now every connection token issued so far keeps working
     * @return this
     */
    Faults expireConnectionTokensAfter(Duration after);

    /** Removes every fault set on this scope. */
    Faults clear();
}
