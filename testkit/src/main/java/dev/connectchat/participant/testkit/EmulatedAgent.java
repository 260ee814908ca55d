package dev.connectchat.participant.testkit;

import dev.connectchat.participant.model.Item;

/**
 * The agent side of an {@link EmulatedChat}: what an agent does in the Connect agent workspace. Each action
 * adds an item to the transcript (except typing and receipts, which are only pushed, as the service does) and
 * pushes it to every subscribed WebSocket of the chat.
 */
public interface EmulatedAgent {
    /** @return the agent's participant id */
    String participantId();

    /**
     * @param text a {@code text/plain} message
     * @return the item as stored
     */
    Item sendMessage(String text);

    /**
     * @param contentType the message's content type, e.g. {@code text/markdown}
     * @param content the message
     * @return the item as stored
     */
    Item sendMessage(String contentType, String content);

    /**
     * Sends a reply streamed in chunks, as a bot's generated answer arrives: each chunk is pushed with the
     * same item id, {@code MessageMetadata.ChunkNumber} from 1 and {@code MessageCompleted} false, then a last
     * chunk with {@code MessageCompleted} true holds the whole message, which alone is stored.
     *
     * @param chunks the parts of the message, in order
     * @return the complete message as stored
     */
    Item sendStreamedMessage(String... chunks);

    /**
     * Sends an event: typing, or a read or delivered receipt (for the customer's latest message; see
     * {@link #sendReceipt} to name the message).
     *
     * @param contentType e.g. {@code application/vnd.amazonaws.connect.event.typing}
     * @return the item as pushed
     */
    Item sendEvent(String contentType);

    /**
     * @param contentType {@code ...event.message.read} or {@code ...event.message.delivered}
     * @param messageId the message the receipt is about
     * @return the receipt item as pushed
     */
    Item sendReceipt(String contentType, String messageId);

    /**
     * Sends an attachment, as an agent does from the workspace: stored, approved and posted as an ATTACHMENT
     * item, ready for GetAttachment.
     *
     * @param name the file name
     * @param contentType the MIME type
     * @param bytes the content
     * @return the attachment item
     */
    Item sendAttachment(String name, String contentType, byte[] bytes);

    /** @return the participant-joined item */
    Item join();

    /** @return the participant-left item */
    Item leave();
}
