package dev.connectchat.participant.testkit;

import dev.connectchat.participant.model.Item;

import java.util.List;

/**
 * One chat contact in the {@link ParticipantEmulator}, as StartChatContact creates it: a customer with a
 * participant token, and an agent side a test drives.
 */
public interface EmulatedChat {
    /** @return the customer's participant token, for CreateParticipantConnection */
    String participantToken();

    /** @return the contact id */
    String contactId();

    /** @return the customer's participant id */
    String customerParticipantId();

    /** @return every item of the transcript so far, oldest first */
    List<Item> transcript();

    /** @return the agent side */
    EmulatedAgent agent();

    /**
     * @param succeeded whether the transfer succeeded
     * @return the transfer-succeeded or transfer-failed item
     */
    Item transfer(boolean succeeded);

    /**
     * Ends the chat: emits the chat-ended event; afterwards the participant's calls get 403.
     *
     * @return the chat-ended item
     */
    Item end();

    /** @return whether the chat has ended */
    boolean ended();

    /**
     * Starts an authentication session, as a flow's Authenticate Customer block does: emits an
     * {@code authentication.initiated} event whose content holds the session id.
     *
     * @return the session id, for GetAuthenticationUrl
     */
    String requestAuthentication();

    /** @return how many WebSockets of this chat are open and subscribed now */
    int openWebSockets();

    /** @return faults of this chat only */
    Faults faults();
}
